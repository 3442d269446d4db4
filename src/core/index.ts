// Public library entry (`dist/core.js`): the engine without any VS Code dependency.
import { analyzeCorpus } from './analyze';
import { compareTexts } from './compare';
import { CorpusError, loadCorpus } from './corpus';
import { renderJson, renderMarkdown, renderTerminal, toJsonReport } from './report';

export { analyzeCorpus, compareTexts, loadCorpus, CorpusError, renderJson, renderMarkdown, renderTerminal, toJsonReport };
export type * from './types';
