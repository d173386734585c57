export function devices(rows: number, extra?: string): string;
export function tokens(rows: number, prefix?: string): string;
export function shell(elements: number): string;
export function pushPanel(): string;
export function maasTokens(rows: number): string;
export function abmServers(rows: number): string;
export function html(body: string, options?: { lang?: string; title?: string; script?: string }): string;
export function essentials(): string;
