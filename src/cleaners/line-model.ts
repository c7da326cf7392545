import type { Cleaner } from '../cleaner.js';
import { addHint } from '../doc.js';
import { FEATURE_NAMES, featureRows, lineStats } from '../model/features.js';
import { logit } from '../model/logistic.js';
import { TITLE_FEATURE_NAMES, titleRows } from '../model/title-features.js';
import weights from '../model/weights.json' with { type: 'json' };

checkNames('body', weights.body.features, FEATURE_NAMES);
checkNames('title', weights.title.features, TITLE_FEATURE_NAMES);

/** The learned line model: log-odds that a line is running text (body) and that it is the headline. */
export const lineModel: Cleaner = {
  id: 'line-model',
  description: 'scores each line as body text and as headline with logistic models fitted on WCXB and Readability pages',
  run(doc) {
    const stats = doc.lines.map((line) => lineStats(line, doc.lang));
    const body = featureRows(doc.lines, stats).map((row) => logit(weights.body.weights, row));
    const title = titleRows(doc.lines, stats);
    doc.lines.forEach((line, i) => {
      const z = body[i];
      addHint(line, 'body', z, 'line-model', `text model ${z >= 0 ? '+' : ''}${z.toFixed(1)}`);
      const row = title[i];
      if (row === null) return;
      const t = logit(weights.title.weights, row);
      addHint(line, 'title', t, 'line-model', `headline model ${t >= 0 ? '+' : ''}${t.toFixed(1)}`);
    });
  },
};

function checkNames(model: string, shipped: string[], code: readonly string[]): void {
  if (shipped.join() !== code.join()) {
    throw new Error(`src/model/weights.json ${model} features differ from the code; run npm run train`);
  }
}
