export * from './mermaid-diagram';
