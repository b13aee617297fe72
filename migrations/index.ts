import { KnowledgeCore1795609384234 } from './1795609384234-knowledge-core';
import { KnowledgeBase1795611087079 } from './1795611087079-knowledge-base';
import { SearchDocuments1795611695717 } from './1795611695717-search-documents';
import { OperatingSystemParent1795612814914 } from './1795612814914-operating-system-parent';
import { VendorRelationEffects1795613230226 } from './1795613230226-vendor-relation-effects';
import { CalibrationTargets1795614706785 } from './1795614706785-calibration-targets';
import { BenchmarkStorage1795618574647 } from './1795618574647-benchmark-storage';
import { ApiKeysAndAuditLog1795619000000 } from './1795619000000-api-keys-and-audit-log';
import { Claims1795621000000 } from './1795621000000-claims';
import { SearchDocumentsWithClaims1795621000001 } from './1795621000001-search-documents-with-claims';
import { IngestBatchDigest1795622011299 } from './1795622011299-ingest-batch-digest';
import { TimeFidelity1796197741471 } from './1796197741471-time-fidelity';
import { SearchDocumentsWithoutCteColumns1796198110532 } from './1796198110532-search-documents-without-cte-columns';
import { CalibrationTargetRelation1796198423473 } from './1796198423473-calibration-target-relation';
import { CitusRollupsAsReferenceTables1796198464323 } from './1796198464323-citus-rollups-as-reference-tables';

/** Every migration, in order. New migrations are appended here (no glob loading). */
export const MIGRATIONS: Function[] = [
  KnowledgeCore1795609384234,
  KnowledgeBase1795611087079,
  SearchDocuments1795611695717,
  OperatingSystemParent1795612814914,
  VendorRelationEffects1795613230226,
  CalibrationTargets1795614706785,
  BenchmarkStorage1795618574647,
  ApiKeysAndAuditLog1795619000000,
  Claims1795621000000,
  SearchDocumentsWithClaims1795621000001,
  IngestBatchDigest1795622011299,
  TimeFidelity1796197741471,
  SearchDocumentsWithoutCteColumns1796198110532,
  CalibrationTargetRelation1796198423473,
  CitusRollupsAsReferenceTables1796198464323,
];
