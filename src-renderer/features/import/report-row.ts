// One row of an import report: what became of one dropped or picked file.
import type { ImportRecord } from '../../../src-main/shared/domain';

export interface ReportRow {
  fileName: string;
  outcome: ImportRecord['outcome'];
  title: string | null;
  format: string | null;
  statementCount: number;
  reason: string | null;
  articleId: string | null;
}
