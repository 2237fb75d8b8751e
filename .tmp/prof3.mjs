import fs from 'node:fs';
const dir='.tmp/prof'; const f=fs.readdirSync(dir).filter(x=>x.endsWith('.cpuprofile')).map(x=>dir+'/'+x)[0];
const p=JSON.parse(fs.readFileSync(f));
const src=fs.readFileSync('.tmp/benchcore.mjs','utf8').split('\n');
const lines=new Map(); const fns=new Map();
for(const n of p.nodes){ if(!n.callFrame.url.includes('benchcore')) continue; let tot=0; for(const t of n.positionTicks||[]){tot+=t.ticks; const k=t.line; lines.set(k,(lines.get(k)||0)+t.ticks);} const fk=n.callFrame.functionName+':'+n.callFrame.lineNumber; fns.set(fk,(fns.get(fk)||0)+tot); }
const total=[...lines.values()].reduce((a,b)=>a+b,0); console.log('total ticks', total);
console.log([...fns].sort((a,b)=>b[1]-a[1]).slice(0,20).map(([k,v])=>v+' '+k).join('\n'));
console.log('---');
console.log([...lines].sort((a,b)=>b[1]-a[1]).slice(0,30).map(([k,v])=>v+' '+k+': '+(src[k-1]||'').trim().slice(0,110)).join('\n'));
