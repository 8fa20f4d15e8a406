import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Title3,
  tokens,
  type AccordionToggleData,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactElement } from 'react';
import type { CommissionPlan } from '../core/commission/commissionPlan';
import { languageFromTag, type Language } from '../reports/i18n/language';
import { ErrorBar, type ShownFailure } from './components/ErrorBar';
import { LanguageSwitch } from './components/LanguageSwitch';
import { MappingPanel } from './components/MappingPanel';
import { PlanSection } from './components/PlanSection';
import { ResultsCard } from './components/ResultsCard';
import { RunProgress } from './components/RunProgress';
import { SettingsPanel } from './components/SettingsPanel';
import { SourceCard, type RunBlocker } from './components/SourceCard';
import { failureFromError, failureFromRun, isCancellation, type FailureKind, type PaneOperation } from './errors/paneFailure';
import { paneLocale, PaneLocaleContext } from './i18n/paneLocale';
import { missingRequired } from './mapping/fieldMapping';
import type { PaneActions, RunRequest, SourceCellRef } from './paneActions';
import { planFormFromPlan, planTemplate, type PlanForm } from './plan/planForm';
import { planStateFrom, type PlanState } from './plan/planState';
import {
  defaultRunSettings,
  draftFromSettings,
  readRunSettings,
  validateRunSettings,
  type RunSettings,
  type SettingsDraft,
} from './settings/runSettings';
import { initialPaneState, isRunning, paneReducer, sessionOf } from './state/paneReducer';

export interface AppProps {
  /** Everything the pane asks of the workbook: the Excel adapter, the simulator, or a test's fakes. */
  readonly actions: PaneActions;
  /** Office's display language (`Office.context.displayLanguage`, e.g. `de-DE`): the first language. */
  readonly displayLanguage?: string | undefined;
}

type SectionId = 'mapping' | 'settings' | 'plan';

/** The section where a failure of this kind is fixed, opened when it happens. */
const FIX_SECTION: Partial<Record<FailureKind, SectionId>> = {
  headerMissing: 'mapping',
  mappingConflict: 'mapping',
  mappingNotFound: 'mapping',
  noRows: 'settings',
  currency: 'settings',
  asOf: 'settings',
  planInvalid: 'plan',
};

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  title: { margin: 0 },
  tagline: { color: tokens.colorNeutralForeground2 },
  sections: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  panel: { paddingBottom: tokens.spacingVerticalM },
});

/**
 * The task pane. Pure React: everything it does to the workbook goes through `actions`
 * (PaneActions), so `index.tsx` wires Excel in and the playground and tests wire a simulator.
 *
 * On open it detects the source, loads the saved settings and the plan; "Create reports" runs
 * with the mapping, settings and plan shown; the state machine (`paneReducer`) drives what is
 * shown: progress and Cancel, results, errors.
 */
export function App({ actions, displayLanguage }: AppProps): ReactElement {
  const styles = useStyles();
  const initialLanguage = languageFromTag(displayLanguage);
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const locale = useMemo(() => paneLocale(language, displayLanguage), [language, displayLanguage]);
  const { t } = locale;

  const [state, dispatch] = useReducer(paneReducer, initialPaneState);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFromSettings(defaultRunSettings(initialLanguage)));
  const [plan, setPlan] = useState<PlanState>({ status: 'loading' });
  const [editing, setEditing] = useState<{ readonly form: PlanForm; readonly key: number } | null>(null);
  const [planSaving, setPlanSaving] = useState(false);
  const [planSaved, setPlanSaved] = useState(false);
  const [notices, setNotices] = useState<readonly ShownFailure[]>([]);
  const [open, setOpen] = useState<readonly SectionId[]>([]);

  /** JSON of the settings last saved (or loaded), so an unchanged commit saves nothing. */
  const savedSettings = useRef<string | undefined>(undefined);
  /** The user changed a setting before the saved ones arrived: keep theirs. */
  const settingsEdited = useRef(false);
  const cancelToken = useRef<{ cancelled: boolean } | null>(null);
  const noticeCount = useRef(0);
  const resultsTitle = useRef<HTMLHeadingElement>(null);

  const notify = useCallback((error: unknown, operation: PaneOperation) => {
    const id = `notice-${++noticeCount.current}`;
    setNotices((list) => [...list, { id, failure: failureFromError(error, operation) }]);
  }, []);

  const detect = useCallback(
    async (live: () => boolean = () => true) => {
      dispatch({ type: 'detectStarted' });
      try {
        const source = await actions.detectSource();
        if (live()) dispatch({ type: 'detectSucceeded', source });
      } catch (error) {
        if (live()) dispatch({ type: 'detectFailed', failure: failureFromError(error, 'detect') });
      }
    },
    [actions],
  );

  // On open: find the data, read the saved settings and the plan, all at once.
  useEffect(() => {
    let live = true;
    const isLive = () => live;
    void detect(isLive);
    actions.loadSettings().then(
      (stored) => {
        if (!live || settingsEdited.current) return;
        const settings = readRunSettings(stored, initialLanguage);
        if (stored !== undefined && stored !== null) savedSettings.current = JSON.stringify(settings);
        setDraft(draftFromSettings(settings));
      },
      (error: unknown) => {
        if (live) notify(error, 'loadSettings');
      },
    );
    actions.loadPlan().then(
      (result) => {
        if (live) setPlan(planStateFrom(result));
      },
      (error: unknown) => {
        if (!live) return;
        setPlan({ status: 'none' });
        notify(error, 'loadPlan');
      },
    );
    return () => {
      live = false;
    };
    // initialLanguage comes from the display-language prop, not from the switch: a language
    // switch must not reload the workbook's state.
  }, [actions, detect, notify, initialLanguage]);

  const session = sessionOf(state);
  const running = isRunning(state);
  const validation = validateRunSettings(draft);
  const missing = session === undefined ? [] : missingRequired(session.mapping);
  const blocker: RunBlocker | undefined = missing.length > 0 ? 'mapping' : validation.ok ? undefined : 'settings';

  const openSection = useCallback((id: SectionId) => setOpen((o) => (o.includes(id) ? o : [...o, id])), []);

  // A required column missing: open Columns, where it is fixed.
  const mappingIncomplete = missing.length > 0;
  useEffect(() => {
    if (mappingIncomplete) openSection('mapping');
  }, [mappingIncomplete, session?.source, openSection]);

  // A failed run: open the section where the user fixes it.
  const failedKind = state.status === 'error' ? state.failure.kind : undefined;
  useEffect(() => {
    const section = failedKind === undefined ? undefined : FIX_SECTION[failedKind];
    if (section !== undefined) openSection(section);
  }, [failedKind, openSection]);

  // Results: move focus to their title, so keyboard and screen-reader users land on them.
  const done = state.status === 'done';
  useEffect(() => {
    if (done) resultsTitle.current?.focus();
  }, [done]);

  const commitSettings = useCallback(
    (settings: RunSettings) => {
      const json = JSON.stringify(settings);
      if (json === savedSettings.current) return;
      savedSettings.current = json;
      actions.saveSettings(settings).catch((error: unknown) => {
        savedSettings.current = undefined;
        notify(error, 'saveSettings');
      });
    },
    [actions, notify],
  );

  const createReports = async () => {
    if (session === undefined || !validation.ok || missing.length > 0 || running) return;
    const token = { cancelled: false };
    cancelToken.current = token;
    commitSettings(validation.settings);
    const request: RunRequest = {
      source: session.source,
      mapping: session.mapping,
      settings: validation.settings,
      plan: plan.status === 'plan' ? plan.plan : null,
    };
    dispatch({ type: 'runStarted' });
    try {
      const outcome = await actions.run(request, (event) => dispatch({ type: 'progressReported', event }), token);
      dispatch(outcome.ok ? { type: 'runSucceeded', summary: outcome.summary } : { type: 'runFailed', failure: failureFromRun(outcome) });
    } catch (error) {
      dispatch(isCancellation(error) ? { type: 'runCancelled' } : { type: 'runFailed', failure: failureFromError(error, 'run') });
    } finally {
      if (cancelToken.current === token) cancelToken.current = null;
    }
  };

  const cancel = () => {
    if (cancelToken.current !== null) cancelToken.current.cancelled = true;
    dispatch({ type: 'cancelRequested' });
  };

  const activateSheet = (name: string) => {
    actions.activateSheet(name).catch((error: unknown) => notify(error, 'activateSheet'));
  };
  const selectSourceCell = (cell: SourceCellRef) => {
    actions.selectSourceCell(cell).catch((error: unknown) => notify(error, 'selectCell'));
  };

  const editPlan = (form: PlanForm) => {
    setPlanSaved(false);
    setEditing((e) => ({ form, key: (e?.key ?? 0) + 1 }));
    openSection('plan');
  };
  const savePlan = (next: CommissionPlan) => {
    setPlanSaving(true);
    actions
      .savePlan(next)
      .then(
        () => {
          setPlan({ status: 'plan', plan: next });
          setEditing(null);
          setPlanSaved(true);
        },
        (error: unknown) => notify(error, 'savePlan'),
      )
      .finally(() => setPlanSaving(false));
  };

  const failures: ShownFailure[] = [...(state.status === 'error' ? [{ id: 'run', failure: state.failure }] : []), ...notices];
  const dismiss = (id: string) => {
    if (id === 'run') dispatch({ type: 'errorDismissed' });
    else setNotices((list) => list.filter((n) => n.id !== id));
  };

  return (
    <PaneLocaleContext.Provider value={locale}>
      <main className={styles.root} lang={language}>
        <header className={styles.header}>
          <Title3 as="h1" className={styles.title}>
            {t('pane.appTitle')}
          </Title3>
          <LanguageSwitch language={language} onChange={setLanguage} />
        </header>
        <Caption1 className={styles.tagline}>{t('pane.tagline')}</Caption1>

        <ErrorBar failures={failures} onDismiss={dismiss} />

        <SourceCard
          source={session?.source}
          detecting={state.status === 'detecting'}
          running={running}
          blocker={blocker}
          onCreateReports={() => void createReports()}
          onUseSelection={() => void detect()}
        />

        {running && (
          <RunProgress
            phase={state.status}
            done={state.done}
            total={state.total}
            detail={state.detail}
            cancelRequested={state.cancelRequested}
            onCancel={cancel}
          />
        )}
        {state.status === 'cancelled' && (
          <MessageBar intent="info">
            <MessageBarBody>{t('pane.cancelled')}</MessageBarBody>
          </MessageBar>
        )}
        {state.status === 'done' && (
          <ResultsCard
            ref={resultsTitle}
            summary={state.summary}
            onActivateSheet={activateSheet}
            onSelectSourceCell={selectSourceCell}
          />
        )}

        <Accordion
          multiple
          collapsible
          className={styles.sections}
          openItems={[...open]}
          onToggle={(_e, data: AccordionToggleData<SectionId>) => setOpen(data.openItems)}
        >
          <AccordionItem value="mapping">
            <AccordionHeader as="h2">{t('pane.mapping.title')}</AccordionHeader>
            <AccordionPanel className={styles.panel}>
              {session === undefined ? (
                <Caption1>{t('pane.source.notFound')}</Caption1>
              ) : (
                <MappingPanel
                  headers={session.source.headers}
                  firstColumn={session.source.firstColumn}
                  mapping={session.mapping}
                  disabled={running || state.status === 'detecting'}
                  onChange={(field, column) => dispatch({ type: 'columnChosen', field, column })}
                />
              )}
            </AccordionPanel>
          </AccordionItem>
          <AccordionItem value="settings">
            <AccordionHeader as="h2">{t('pane.settings.title')}</AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <SettingsPanel
                draft={draft}
                disabled={running}
                onChange={(next) => {
                  settingsEdited.current = true;
                  setDraft(next);
                }}
                onCommit={commitSettings}
              />
            </AccordionPanel>
          </AccordionItem>
          <AccordionItem value="plan">
            <AccordionHeader as="h2">{t('pane.plan.title')}</AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <PlanSection
                plan={plan}
                editing={editing?.form ?? null}
                editorKey={editing?.key ?? 0}
                saving={planSaving || running}
                saved={planSaved}
                onNew={() => editPlan(planTemplate())}
                onEdit={() => {
                  if (plan.status === 'plan') editPlan(planFormFromPlan(plan.plan, locale.format.decimalMark));
                }}
                onSave={savePlan}
                onClose={() => setEditing(null)}
              />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      </main>
    </PaneLocaleContext.Provider>
  );
}
