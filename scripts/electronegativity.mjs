// @ts-check
/**
 * Electron security gate: runs Doyensec's electronegativity over the main
 * process and preload (electron/, TypeScript, which it parses itself), the
 * renderer's HTML, and the app's Content Security Policy, and fails on any
 * finding of MEDIUM or HIGH severity that EXCLUSIONS below does not cover.
 *
 * Severity, not confidence, decides: confidence only says how sure the
 * pattern match is, and a TENTATIVE medium finding ("review this
 * openExternal") still needs a person's decision, which is then written down
 * below with its reason. LOW and INFORMATIONAL findings are printed as notes.
 * A file the scanner cannot parse fails the gate too: it was not checked.
 *
 * It uses the package's JavaScript API rather than its CLI: the CLI exits 0
 * whatever it finds and reports unparsable files only as console text, while
 * the API returns both as data.
 *
 * The CSP is an HTTP header set by the app:// handler, which the scanner
 * cannot see; the policy from electron/policy/csp.ts is therefore also handed
 * to it as a <meta> tag, so its CSP check evaluates the real policy.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * The one list of accepted findings. Without `file` the check does not run at
 * all; with `file` its findings in that file only are accepted.
 * @type {{ check: string; file?: string; reason: string }[]}
 */
const EXCLUSIONS = [
  {
    check: 'PRELOAD_JS_CHECK',
    reason:
      'the design requires a preload: a sandboxed, context-isolated bridge exposing only the typed host API (electron/preload.ts)',
  },
  {
    check: 'AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK',
    reason:
      "downloads Electron's release list from the network (this gate runs offline) and, Electron being a devDependency, reports at INFORMATIONAL only; Electron updates come with dependency updates",
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/security.ts',
    reason:
      "openInBrowser is the app's only shell.openExternal call and admits only https URLs valid under the host contract's schema (test/unit/electron/navigation.test.ts)",
  },
];

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const SEVERE = new Set(['MEDIUM', 'HIGH']);
const CSP_AS_META = 'electron/policy/csp-as-meta.html';
const CSP_SHOWN_AS = 'electron/policy/csp.ts (as a meta tag)';
/** The scanner's check class names are its ids without underscores, lower-cased. */
const className = (/** @type {string} */ id) => id.replaceAll('_', '').toLowerCase();

const scanDir = mkdtempSync(path.join(tmpdir(), 'tam-desk-electronegativity-'));
try {
  const inputs = stageInputs(scanDir);
  // The scanner's descriptions come from its bundled English messages.
  process.env.LANG = 'en-US';
  const run = /** @type {(options: object) => Promise<ScanResult>} */ (require('@doyensec/electronegativity'));
  const result = await quietly(() =>
    run({
      input: scanDir,
      isRelative: true,
      electronVersionOverride: require('electron/package.json').version,
      excludeFromScan: EXCLUSIONS.filter((e) => e.file === undefined).map((e) => className(e.check)),
    }),
  );
  process.exit(report(result, inputs));
} finally {
  rmSync(scanDir, { recursive: true, force: true });
}

/**
 * Copies what is scanned into one folder, so one run (and its global checks,
 * which look across files) sees all of it.
 * @returns {string[]} the scanned paths, relative to the project
 */
function stageInputs(/** @type {string} */ dir) {
  const inputs = ['electron', 'renderer/index.html', 'dist/index.html'].filter((p) => existsSync(path.join(root, p)));
  for (const input of inputs) cpSync(path.join(root, input), path.join(dir, input), { recursive: true });
  const csp = cspFromSource(path.join(root, 'electron/policy/csp.ts'));
  writeFileSync(
    path.join(dir, CSP_AS_META),
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${csp}"></head></html>\n`,
  );
  return [...inputs, CSP_SHOWN_AS];
}

/** Evaluates csp.ts (it imports nothing) to get the policy string the app sends. */
function cspFromSource(/** @type {string} */ file) {
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const module = { exports: /** @type {Record<string, unknown>} */ ({}) };
  new Function('module', 'exports', outputText)(module, module.exports);
  const csp = module.exports.CONTENT_SECURITY_POLICY;
  if (typeof csp !== 'string' || csp === '') throw new Error(`${file} exports no CONTENT_SECURITY_POLICY string`);
  return csp.replaceAll('"', '&quot;');
}

/**
 * The scanner chats on stdout (translation updates, progress); its results come back as data.
 * @template T
 * @param {() => Promise<T>} task
 */
async function quietly(task) {
  const log = console.log;
  console.log = () => {};
  try {
    return await task();
  } finally {
    console.log = log;
  }
}

/**
 * @typedef {{ name: string }} Level
 * @typedef {{ id: string; file: string; location: { line: number; column: number }; description: string;
 *   severity: Level; confidence: Level; sample?: string; shortenedURL?: string }} Issue
 * @typedef {{ globalChecks: number; atomicChecks: number; issues: Issue[];
 *   errors: { file: string; message: string; tolerable: boolean }[] }} ScanResult
 * @param {ScanResult} result
 * @param {string[]} inputs
 * @returns {number} the exit code
 */
function report(result, inputs) {
  const waived = (/** @type {Issue} */ issue) =>
    EXCLUSIONS.some((e) => e.check === issue.id && e.file !== undefined && issue.file === e.file);
  const where = (/** @type {Issue} */ i) =>
    i.file === CSP_AS_META ? CSP_SHOWN_AS : `${i.file}:${i.location.line}:${i.location.column}`;
  const severe = result.issues.filter((i) => SEVERE.has(i.severity.name) && !waived(i));
  const notes = result.issues.filter((i) => !SEVERE.has(i.severity.name) && !waived(i));
  const unparsed = result.errors.filter((e) => !e.tolerable);

  for (const note of notes) {
    console.log(`note  ${note.id} (${note.severity.name}/${note.confidence.name}) ${where(note)}: ${note.description}`);
  }
  for (const issue of severe) {
    console.error(`FAIL  ${issue.id} (${issue.severity.name}/${issue.confidence.name}) ${where(issue)}`);
    console.error(`      ${issue.description}${issue.shortenedURL ? ` ${issue.shortenedURL}` : ''}`);
    if (issue.sample) console.error(`      ${issue.sample.trim().slice(0, 160)}`);
  }
  for (const error of unparsed) console.error(`FAIL  could not parse ${error.file}: ${error.message}`);

  const checksRun = result.globalChecks + result.atomicChecks;
  const excluded = EXCLUSIONS.map((e) => (e.file ? `${e.check} in ${e.file}` : e.check)).join(', ');
  console.log(
    `electronegativity: ${severe.length} findings at medium or high severity` +
      `${unparsed.length > 0 ? `, ${unparsed.length} files unparsable` : ''}` +
      ` (${checksRun} checks run over ${inputs.join(', ')}; ${EXCLUSIONS.length} excluded: ${excluded})`,
  );
  return severe.length > 0 || unparsed.length > 0 ? 1 : 0;
}
