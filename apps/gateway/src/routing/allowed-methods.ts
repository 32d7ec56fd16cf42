import type { OpenAPIObject } from '@nestjs/swagger';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

interface PathMethods {
  template: string;
  /** Segments without a parameter: more is more specific. */
  literals: number;
  pattern: RegExp;
  methods: ReadonlySet<string>;
}

/** Per documented path template (`/api/orders/{orderId}`), the methods it answers. */
export class MethodTable {
  private constructor(private readonly paths: PathMethods[]) {}

  static of(document: Pick<OpenAPIObject, 'paths'>): MethodTable {
    const paths = Object.entries(document.paths ?? {}).map(([template, item]) => {
      const methods = new Set(
        HTTP_METHODS.filter((method) => item?.[method]).map((method) => method.toUpperCase()),
      );
      if (methods.has('GET')) methods.add('HEAD');
      const literals = template.split('/').filter((part) => part && !part.includes('{')).length;
      return { template, literals, pattern: templatePattern(template), methods };
    });
    return new MethodTable(paths);
  }

  /**
   * The `Allow` list when `path` is documented but never with `method`; undefined when the
   * method is allowed, implicit (OPTIONS), or the path is not documented at all (then the
   * owner decides, usually 404). A path several templates match (`/orders/{id}` and
   * `/orders/export`) is the most concrete one's.
   */
  refusal(method: string, path: string): string[] | undefined {
    const verb = method.toUpperCase();
    // OPTIONS is never documented but always answered (CORS preflight); HEAD comes with GET.
    if (verb === 'OPTIONS') return undefined;
    const normalised = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    const candidates = this.paths.filter((entry) => entry.pattern.test(normalised));
    if (candidates.length === 0) return undefined;
    // As OpenAPI says: a concrete path wins over a templated one (`/account-requests/machines`
    // over `/account-requests/{requestId}`); equally specific templates pool their methods.
    const specificity = Math.max(...candidates.map((entry) => entry.literals));
    const matching = candidates.filter((entry) => entry.literals === specificity);
    const allowed = new Set(matching.flatMap((entry) => [...entry.methods]));
    if (allowed.has(verb)) return undefined;
    return [...allowed].sort();
  }
}

function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}/]+\})/)
    .map((part) =>
      /^\{[^}/]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`);
}
