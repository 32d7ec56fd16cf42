// Types of library-graph.js (plain CommonJS so .dependency-cruiser.js can require it).
export declare const LIBRARY_DEPENDENCIES: Readonly<Record<string, readonly string[]>>;
export declare const PUBLIC_SUBPATHS: Readonly<Record<string, string>>;
export declare const TESTING_FOLDER: string;
export declare function allowedFolderPattern(entry: string): string;
export declare function publicEntryPatterns(): string[];
export declare function findCycle(
  table: Readonly<Record<string, readonly string[]>>,
): string[] | null;
export declare function assertAcyclic(table: Readonly<Record<string, readonly string[]>>): void;
