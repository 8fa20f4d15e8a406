/** Renders bench results (bench/run.js) as the Markdown of bench/results/latest.md. */
'use strict';

const fmt = (s) => (s === null || s === undefined ? '–' : s.n > 1 ? `${s.median} (${s.min}–${s.max})` : `${s.median}`);
const ms = (s) => (s === null || s === undefined ? '–' : `${Math.round(s.median)}`);
const mb = (bytes) => (bytes === undefined ? '–' : (bytes / 1e6).toFixed(1));

function renderMarkdown(r) {
  const m = r.machine;
  const lines = [];
  lines.push(`# AccountDesk benchmark`, '');
  lines.push(`${r.date} · ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB · Node ${m.node} · ${m.platform} · commit ${m.commit}${m.dirty ? ' (with uncommitted changes)' : ''}`, '');
  lines.push('Each figure: median of the runs (min–max), ms unless stated. Whole process = `node bin/accountdesk.js report FILE --json` from spawn to exit, output to /dev/null. CPU = user + system time of the process (all its threads, GC helpers included); when the machine is busy with other work (see the load average), wall time grows and CPU time much less.', '');
  const loads = r.cases.filter((c) => c.ok && c.loadAvg).map((c) => c.loadAvg.median);
  if (loads.length > 0) lines.push(`1-minute load average during the runs: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} (on ${m.cores} cores).`, '');

  lines.push('## Whole process', '');
  lines.push('| case | mode | file MB | runs | wall ms | CPU ms (user + sys) | peak RSS MB | start-up | read + parse | intake | compute after intake | output |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const c of r.cases) {
    if (!c.ok) {
      lines.push(`| ${c.name} | ${c.mode} | ${mb(c.bytes)} | – | ${c.pending ? '**pending**' : '**failed**'} | | ${c.rssMbOfFailure ?? '–'} | ${c.error ?? ''} | | | | |`);
      continue;
    }
    const p = c.phases;
    lines.push(`| ${c.name} | ${c.mode} | ${mb(c.bytes)} | ${c.runs} | ${fmt(c.wallMs)} | ${ms(c.cpuMs)} | ${fmt(c.rssMb)} | ${ms(c.startupMs)} | ${ms(p.read)} | ${ms(p.intake)} | ${ms(c.computeAfterIntakeMs)} | ${ms(c.outputMs)} |`);
  }
  lines.push('');
  lines.push('Phases (ACCOUNTDESK_TIMINGS=1): *start-up* = process start to the first phase (Node, bundle, libraries); *read + parse* = reading the input file into a grid; *intake* = header, values, interning (SPEC §1); *compute after intake* = auxiliary tables, metrics (§2–§5, §7), forecast (§6) and the SPEC §9 object; *output* = after that until exit (JSON text, summary, workbook).', '');

  const phaseNames = [...new Set(r.cases.filter((c) => c.ok).flatMap((c) => Object.keys(c.phases)))];
  if (phaseNames.length > 0) {
    lines.push('### All phases (median ms)', '');
    lines.push(`| case | mode | ${phaseNames.join(' | ')} |`);
    lines.push(`|---|---|${phaseNames.map(() => '---:').join('|')}|`);
    for (const c of r.cases.filter((x) => x.ok)) lines.push(`| ${c.name} | ${c.mode} | ${phaseNames.map((k) => (c.phases[k] ? c.phases[k].median : '–')).join(' | ')} |`);
    lines.push('');
  }

  if (r.stringify) {
    lines.push(`\`JSON.stringify(result, null, 2)\` of the 1 M-row result (${(r.stringify.bytes / 1e6).toFixed(1)} MB of JSON), measured in the bench process: ${fmt(r.stringify.ms)} ms (part of *output*).`, '');
  }

  if (r.duckdb) {
    const d = r.duckdb;
    const ours = r.cases.find((c) => c.name === 'csv-1m' && c.mode === '--json' && c.ok);
    lines.push('## DuckDB side by side (1 M-row CSV)', '');
    if (!d.ok) lines.push(`DuckDB run failed: ${d.error}`, '');
    else {
      lines.push(`DuckDB (\`@duckdb/node-api\`, in-memory, \`read_csv\` with explicit column types, ${d.threads} threads) loads the file and computes revenue per manager × quarter, the per-account ranking with shares, CR1/5/10, HHI and ABC, and per-account YTD vs the prior-year span (bench/duckdb.js). AccountDesk computes all of SPEC §1–§7 and §9 (forecast included) in one thread.`, '');
      lines.push('| | AccountDesk `report --json` | DuckDB script | ours / DuckDB |');
      lines.push('|---|---:|---:|---:|');
      if (ours) {
        lines.push(`| whole process, wall ms | ${fmt(ours.wallMs)} | ${fmt(d.wallMs)} | ${(ours.wallMs.median / d.wallMs.median).toFixed(2)} |`);
        if (ours.cpuMs && d.cpuMs) lines.push(`| whole process, CPU ms (user + sys) | ${fmt(ours.cpuMs)} | ${fmt(d.cpuMs)} | ${(ours.cpuMs.median / d.cpuMs.median).toFixed(2)} |`);
        lines.push(`| peak RSS MB | ${fmt(ours.rssMb)} | ${fmt(d.rssMb)} | ${ours.rssMb && d.rssMb ? (ours.rssMb.median / d.rssMb.median).toFixed(2) : '–'} |`);
        const oursLoad = (ours.phases.read?.median ?? 0) + (ours.phases.intake?.median ?? 0);
        lines.push(`| load (ours: read + parse + intake; DuckDB: read_csv into a table) | ${Math.round(oursLoad)} | ${Math.round(d.internal.load)} | ${(oursLoad / d.internal.load).toFixed(2)} |`);
        lines.push(`| aggregates (ours: compute after intake, everything; DuckDB: the queries above) | ${ms(ours.computeAfterIntakeMs)} | ${Math.round(d.internal.aggregates)} | ${ours.computeAfterIntakeMs ? (ours.computeAfterIntakeMs.median / d.internal.aggregates).toFixed(2) : '–'} |`);
      } else lines.push(`| whole process, wall ms | – | ${fmt(d.wallMs)} | – |`);
      lines.push('', '(Runs of the two alternate, so both see the same load on the machine. DuckDB\'s own split into load and aggregates is from its last run.)', '');
    }
    if (r.crossCheck) {
      lines.push(r.crossCheck.ok
        ? `Cross-check: **all ${r.crossCheck.compared} compared values agree** (money to the cent; ranks, accounts and ABC classes exactly; shares, CR and HHI to 1e-9).`
        : `Cross-check: **${r.crossCheck.mismatchCount} MISMATCHES** of ${r.crossCheck.compared} values:\n\n${r.crossCheck.mismatches.map((x) => `- ${x}`).join('\n')}`, '');
    }
  }

  lines.push('## Excel adapter (simulator)', '');
  lines.push(`**${r.excelAdapter.status}**: ${r.excelAdapter.note}.`, '');
  const ok = r.excelAdapter.cases.filter((c) => c.ok);
  if (ok.length > 0) {
    lines.push('| case | rows | read: syncs | read: request / response MB | write: syncs | write: request / response MB | largest payload MB (limit) | syncs allowed ⌈bytes / 4 MB⌉ + 20 | read / compute / write ms | simulated transfer ms |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    const mbs = (b) => (b / 1e6).toFixed(2);
    for (const c of ok) {
      lines.push(`| ${c.name} | ${c.rows} | ${c.read.syncs} | ${mbs(c.read.requestBytes)} / ${mbs(c.read.responseBytes)} | ${c.write.syncs} | ${mbs(c.write.requestBytes)} / ${mbs(c.write.responseBytes)} | ${mbs(c.largestPayload)} (${mbs(c.payloadLimit)}) | ${c.syncs} of ${c.allowedSyncs} | ${c.read.ms} / ${c.compute.ms} / ${c.write.ms} | ${c.read.simulatedMs + c.write.simulatedMs} |`);
    }
    lines.push('');
  }

  lines.push('## Targets (issue 9)', '');
  lines.push('| target | measured | met |');
  lines.push('|---|---|---|');
  for (const t of r.targets) lines.push(`| ${t.target} | ${t.value} | ${t.met === null ? 'pending' : t.met ? 'yes' : '**no**'} |`);
  lines.push('', `Bench run took ${r.elapsedS} s.`, '');
  return lines.join('\n');
}

module.exports = { renderMarkdown };
