// Public library entry (`dist/core.js`): the engine without any VS Code dependency.
import { analyzeCorpus } from './pipeline/analyze';
import { compareTexts } from './compare/compare';
import { CorpusError, loadCorpus } from './io/corpus';
import { renderJson, renderMarkdown, renderTerminal, toJsonReport } from './report';

export { analyzeCorpus, compareTexts, loadCorpus, CorpusError, renderJson, renderMarkdown, renderTerminal, toJsonReport };
export type * from './types';
