import fs from 'node:fs';
const dir='.tmp/prof'; const f=fs.readdirSync(dir).filter(x=>x.endsWith('.cpuprofile')).map(x=>dir+'/'+x)[0];
const p=JSON.parse(fs.readFileSync(f));
const lines=new Map();
for(const n of p.nodes){ const file=n.callFrame.url.split('/').pop(); if(!/analysis|tokens|entities|attribution|actors|index/.test(n.callFrame.url)) continue; for(const t of n.positionTicks||[]){const k=file+':'+t.line+' '+n.callFrame.functionName; lines.set(k,(lines.get(k)||0)+t.ticks);} }
console.log([...lines].sort((a,b)=>b[1]-a[1]).slice(0,30).map(([k,v])=>v+' '+k).join('\n'));
