/**
 * The real dump the project started from must come out right through the CLI. The dump lives in
 * ../shared/seed (outside the product): this test runs wherever that folder is, as in CI, and is
 * skipped on a clone without it, where fixtures/wordpress-com-caps-authors covers the same layout.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Result } from '../src/index.js';
import { pagesift, root } from './cli-helpers.js';

const SEED = path.join(root, '..', 'shared', 'seed', '000_a07abd02ba3a06f7.txt');

describe.skipIf(!existsSync(SEED))('the seed dump, through the CLI', () => {
  it('gives the headline, the caption, the article, two comments, and no comment-form text', async () => {
    const ran = await pagesift(['--format', 'json', '-q', SEED]);
    expect(ran.code).toBe(0);
    const result = JSON.parse(ran.stdout) as Result;
    expect(result.title).toBe('China, Russia in ‘close coordination’ on Syrian issue: Beijing');
    expect(result.captions).toHaveLength(1);
    expect(result.captions[0]).toMatch(/^Chinese President Hu Jintao \(R\) and .*June 5, 2012\.$/);
    expect(result.body[0]).toMatch(/^China says Beijing and Moscow/);
    expect(result.body.at(-1)).toMatch(/no longer committed to the Annan plan in Syria\.$/);
    expect(result.body.join('\n')).not.toMatch(/Hu Jintao \(R\)|Enter your email|CAROL|Anonymous/);

    expect(result.comments).toHaveLength(2);
    expect(result.comments[0].author).toBe('Carol Herman');
    expect(result.comments[0].text).toMatch(/^Sometimes, ya just gotta read/);
    expect(result.comments[1].text).toMatch(/^(?:2\. )?Anonymous, ?I fear/);
    expect(result.comments[1].text).toMatch(/With best regards,\s*Reut R\. Cohen$/);

    const kept = [...result.body, ...result.comments.map((c) => c.text)].join('\n');
    for (const junk of ['Enter your email address', 'Leave a Reply', 'Fill in your details', 'You are commenting using', 'Log Out', 'Connecting to', 'bloggers like this']) {
      expect(kept).not.toContain(junk);
    }
  });
});
