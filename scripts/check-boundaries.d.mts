export interface ImportRef {
  spec: string;
  line: number;
}
export interface Violation {
  line: number;
  message: string;
}
export function extractImports(source: string): ImportRef[];
export function resolveSpecifier(fromFile: string, spec: string): string | null;
export function checkImport(fromFile: string, spec: string): string | null;
export function checkSource(fromFile: string, source: string): Violation[];
export function checkTree(root?: string): { files: number; problems: (Violation & { file: string })[] };
