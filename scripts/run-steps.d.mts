export interface Step {
  name: string;
  run: () => Promise<number | { code: number; note?: string }>;
  missing?: () => string | null;
}
export interface StepResult {
  name: string;
  status: 'ok' | 'FAILED' | 'SKIPPED';
  ms: number;
  note: string;
}
export function runSteps(
  steps: Step[],
  options?: { only?: string[]; ci?: boolean; log?: (s: string) => void; error?: (s: string) => void },
): Promise<{ summary: StepResult[]; failedSteps: string[] }>;
