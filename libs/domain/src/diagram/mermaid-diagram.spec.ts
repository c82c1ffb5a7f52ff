import { caseMachine } from '../case';
import { diagramSection, mermaidDiagram, replaceDiagramSection } from './mermaid-diagram';

// Test tooling only: the library has no Node types and no I/O, so the README writer borrows
// node:fs through Jest and declares the little it needs of the Node globals.
declare const process: { env: Record<string, string | undefined> };
interface Fs {
  readFileSync(path: string, encoding: 'utf8'): string;
  writeFileSync(path: string, data: string): void;
}
const fs = jest.requireActual<Fs>('node:fs');
const README = (expect.getState().testPath ?? '').replace(
  /src[\\/]diagram[\\/]mermaid-diagram\.spec\.ts$/,
  'README.md',
);

describe('mermaidDiagram', () => {
  it('draws every state and transition of the case machine', () => {
    const diagram = mermaidDiagram(caseMachine);
    expect(diagram.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(diagram).toContain('open_procedure_intake --> open_procedure_processing: ACCEPT');
    expect(diagram).toContain(
      'open_procedure_awaitingApproval --> closed_awaitingService: APPROVE_DECISION [finalApproval]',
    );
    expect(diagram).toContain('open --> closed_ended: WITHDRAW');
    expect(diagram).toContain(
      'open_extension_requested --> open_extension_granted: APPROVE_EXTENSION',
    );
  });

  it('is up to date in libs/domain/README.md', () => {
    const readme = fs.readFileSync(README, 'utf8');
    if (process.env['UPDATE_DIAGRAM'] === '1') {
      fs.writeFileSync(README, replaceDiagramSection(readme, caseMachine));
      return;
    }
    if (!readme.includes(diagramSection(caseMachine))) {
      throw new Error(
        'The case machine diagram in libs/domain/README.md is out of date. Regenerate it with:\n' +
          '  UPDATE_DIAGRAM=1 npx jest -c libs/domain/jest.config.cjs libs/domain/src/diagram',
      );
    }
  });
});
