import { KnowledgeCore1795609384234 } from './1795609384234-knowledge-core';

/** Every migration, in order. New migrations are appended here (no glob loading). */
export const MIGRATIONS: Function[] = [KnowledgeCore1795609384234];
