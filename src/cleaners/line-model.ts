import type { Cleaner } from '../cleaner.js';
import { addHint } from '../doc.js';
import { eachFeatureRow, FEATURE_NAMES, lineStats, sameTokenCounts } from '../model/features.js';
import { logit } from '../model/logistic.js';
import { eachTitleRow, TITLE_FEATURE_NAMES } from '../model/title-features.js';
import weights from '../model/weights.json' with { type: 'json' };

checkNames('body', weights.body.features, FEATURE_NAMES);
checkNames('title', weights.title.features, TITLE_FEATURE_NAMES);

/** The learned line model: log-odds that a line is running text (body) and that it is the headline. */
export const lineModel: Cleaner = {
  id: 'line-model',
  description: 'scores each line as body text and as headline with logistic models fitted on WCXB and Readability pages',
  run(doc) {
    const lines = doc.lines;
    const stats = lines.map((line) => lineStats(line, doc.lang));
    const same = sameTokenCounts(stats);
    const body = new Float64Array(lines.length);
    eachFeatureRow(lines, stats, same, (row, i) => {
      body[i] = logit(weights.body.weights, row);
    });
    // Only short lines can be headlines and have a headline score.
    const title = new Float64Array(lines.length);
    const short = new Uint8Array(lines.length);
    eachTitleRow(lines, stats, same, (row, i) => {
      title[i] = logit(weights.title.weights, row);
      short[i] = 1;
    });
    for (let i = 0; i < lines.length; i++) {
      const z = body[i];
      addHint(lines[i], 'body', z, 'line-model', `text model ${z >= 0 ? '+' : ''}${z.toFixed(1)}`);
      if (!short[i]) continue;
      const t = title[i];
      addHint(lines[i], 'title', t, 'line-model', `headline model ${t >= 0 ? '+' : ''}${t.toFixed(1)}`);
    }
  },
};

function checkNames(model: string, shipped: string[], code: readonly string[]): void {
  if (shipped.join() !== code.join()) {
    throw new Error(`src/model/weights.json ${model} features differ from the code; run npm run train`);
  }
}
