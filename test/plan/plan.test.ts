/** The job list: one document per output file, whatever the command line repeats. */

import { describe, expect, it } from 'vitest';
import { loadProject, type Project } from '../../src/load/index.js';
import { jobListIdentity, planJobs, shardJobs } from '../../src/plan/index.js';
import { TOOL_DIR } from '../../src/tool/index.js';
import { CorpusProject } from '../corpus/project.js';

function project(): Project {
  return loadProject({ dir: new CorpusProject().dir, toolDir: TOOL_DIR });
}

describe('planJobs', () => {
  it('--to with the same id twice plans that recipient once (the same request), in first-seen order', () => {
    const jobs = planJobs(project(), { to: ['cn', 'cn', 'xi', 'cn'], langs: ['en'], formats: ['pdf'] });
    expect(jobs.map((j) => j.output)).toEqual(['cn/corpus-letter.en.pdf', 'xi/corpus-letter.en.pdf']);
    expect(jobs.map((j) => j.index)).toEqual([0, 1]);
    // letter.yaml's own entry (with its name and via) is the one used for an id it lists.
    expect(jobs[0]!.recipient.via).toBe('cn-consulate-toronto');
  });

  it('--to ids are case-insensitive: CN and cn are one recipient and one folder (cn), never two', () => {
    const jobs = planJobs(project(), { to: ['CN', 'cn', ' Xi '], langs: ['en'], formats: ['pdf'] });
    expect(jobs.map((j) => j.output)).toEqual(['cn/corpus-letter.en.pdf', 'xi/corpus-letter.en.pdf']);
  });

  it('a language or format given twice is built once', () => {
    const jobs = planJobs(project(), { langs: ['en', 'ko', 'en'], formats: ['pdf', 'pdf'] });
    expect(jobs.map((j) => j.output)).toEqual(['cn/corpus-letter.en.pdf', 'cn/corpus-letter.ko.pdf']);
  });

  it('every job has its own output path', () => {
    const jobs = planJobs(project(), { to: ['cn', 'xi', 'kr', 'cn/government'] });
    expect(jobs).toHaveLength(4 * 3 * 2);
    expect(new Set(jobs.map((j) => j.output)).size).toBe(jobs.length);
  });

  it('two letter.yaml entries for one output folder cannot be planned (load refuses them; this is the invariant behind it)', () => {
    const p = project();
    const twice = {
      ...p,
      letter: { ...p.letter, to: [p.letter.to[0]!, { id: 'cn', via: 'elsewhere', path: ['to', 1] }] },
    };
    expect(() => planJobs(twice, { langs: ['en'], formats: ['pdf'] })).toThrow(
      /two documents planned for cn\/corpus-letter\.en\.pdf/,
    );
  });
});

describe('shards and the job list they are split from', () => {
  it('planJobs with a shard is shardJobs of the whole list: disjoint parts that cover it', () => {
    const p = project();
    const whole = planJobs(p, { to: ['cn', 'xi', 'kr'] });
    const parts = [1, 2, 3].map((k) => planJobs(p, { to: ['cn', 'xi', 'kr'], shard: { k, n: 3 } }));
    expect(parts.map((part) => part.map((j) => j.output))).toEqual(
      [1, 2, 3].map((k) => shardJobs(whole, { k, n: 3 }).map((j) => j.output)),
    );
    expect(
      parts
        .flat()
        .map((j) => j.output)
        .sort(),
    ).toEqual(whole.map((j) => j.output).sort());
  });

  it("a whole list's identity: equal for the same command line, different for other languages, recipients, formats or order", () => {
    const p = project();
    const id = (opts: Parameters<typeof planJobs>[1]) => jobListIdentity(planJobs(p, opts));
    const enZh = id({ langs: ['en', 'zh'] });
    expect(enZh).toEqual(id({ langs: ['en', 'zh', 'en'] }));
    expect(enZh.documents).toBe(2 * 2);
    expect(enZh.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The same documents in another order shard differently, so they are another job list.
    const zhEn = id({ langs: ['zh', 'en'] });
    expect(zhEn.documents).toBe(enZh.documents);
    expect(zhEn.sha256).not.toBe(enZh.sha256);
    expect(id({ langs: ['ko'] }).sha256).not.toBe(enZh.sha256);
    expect(id({ langs: ['en', 'zh'], formats: ['pdf'] }).sha256).not.toBe(enZh.sha256);
    expect(id({ langs: ['en', 'zh'], to: ['cn', 'xi'] }).sha256).not.toBe(enZh.sha256);
  });
});
