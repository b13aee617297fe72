import type { ReportDefinition } from '../report.types';
import { benchmarkTimeSeriesReport } from './benchmark-time-series.report';
import { interopMatrixReport } from './interop-matrix.report';
import { licensingReportReport } from './licensing-report.report';
import { overheadVsNativeReport } from './overhead-vs-native.report';
import { paravirtPathsReport } from './paravirt-paths.report';
import { pvSpeedupReport } from './pv-speedup.report';
import { trackCoverageReport } from './track-coverage.report';

/** Every named report, in the order the index lists them. */
export const REPORTS: readonly ReportDefinition[] = [
  interopMatrixReport,
  paravirtPathsReport,
  licensingReportReport,
  trackCoverageReport,
  pvSpeedupReport,
  overheadVsNativeReport,
  benchmarkTimeSeriesReport,
];
