import nlp from 'compromise';
const lex = nlp.model().one.lexicon;
for (const w of ['mikhail','expressed','numbered','forces','highlighted','remains','russian','rwandan','local','outside','the','as','according','khalifa','haftar','putin','bogdanov','mbaiki','spokesperson','deputy','president','minister','warlord','government','seeking','accused','ousted','faced','confirmed','has','did','supported','francois','touadera','bozize','seleka','wagner','kremlin','libyan','african','times','november','early','uganda','tuesday','e','smith','jones']) process.stdout.write(w+':'+lex[w]+'  ');
