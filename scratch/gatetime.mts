import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { unpackGateTest, mayMentionGate, foldText } from '/work/main/src/lexicon/gate-precheck.ts';
import { typicalOtherArticle, typicalArticle } from '/work/main/bench/synthetic-pages.ts';
const packed = JSON.parse(readFileSync('/work/main/src/generated/gate-test.json', 'utf8'));
for (const [name, html] of [['other', typicalOtherArticle()], ['typical', typicalArticle()]] as const) {
  const w = new Window(); w.document.write(html);
  const text = `${w.document.title} ${w.document.body.textContent}`;
  let t = performance.now(); const gate = unpackGateTest(packed); const tu = performance.now() - t;
  t = performance.now(); const it = mayMentionGate(text, gate); let r; do { r = it.next(); } while (!r.done); const tt = performance.now() - t;
  t = performance.now(); foldText(text); const tf = performance.now() - t;
  t = performance.now(); gate.literals.test(foldText(text)); const t2 = performance.now() - t;
  console.log(name, text.length, 'unpack', tu.toFixed(2), 'test', tt.toFixed(2), 'fold', tf.toFixed(2), 'second test', t2.toFixed(2), r.value);
}
