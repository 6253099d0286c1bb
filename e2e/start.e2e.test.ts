import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'firsthand-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm start -- --screenshot (the README's first command, on a machine without a display)", () => {
  it('opens the demo page, opens the panel from the pill, and saves what a reader sees', async () => {
    const file = join(dir, 'demo.png');
    // The script itself (npm start builds first; this suite runs on the build already made).
    const { stdout } = await run('npx', ['tsx', 'scripts/start.ts', '--screenshot', file], { timeout: 50_000 });
    // It saves only after the pill was clicked and a card of the panel was drawn.
    expect(stdout).toContain(`Saved ${file}`);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    // The viewport's size, from the PNG's header: a whole page, not an empty capture.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 900]);
  });
});
