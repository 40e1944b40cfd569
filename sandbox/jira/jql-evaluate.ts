/**
 * Evaluates parsed JQL against the emulated site, as the given principal.
 * Unknown fields, values and functions are errors (400), as on a real site.
 */
import { FIELDS, FIELD_IDS, ISSUE_TYPES, PRIORITIES, STATUSES, STATUS_CATEGORIES } from './catalog';
import { JqlError, type JqlExpr, type JqlQuery, type JqlValue, parseJql } from './jql-parser';
import type { Json, Principal, SiteIssue } from './model';
import { canBrowse, findIssue, findProject, issueTypeOf, isResolved, type Site, statusOf } from './site';

/** An entity-property search alias, as an app's jira:entityProperty module declares it. */
interface PropertyAlias {
  propertyKey: string;
  path: string;
  type: 'number' | 'string';
}

/** The app's aliases (manifest.yml, module `readiness-index`), by lower-case name. */
const PROPERTY_ALIASES: Record<string, PropertyAlias> = {
  readinessscore: { propertyKey: 'refinement-radar-readiness', path: 'score', type: 'number' },
  readinessstate: { propertyKey: 'refinement-radar-readiness', path: 'state', type: 'string' },
  readinessgap: { propertyKey: 'refinement-radar-readiness', path: 'gaps', type: 'string' },
};

type Atom = string | number;

interface EvalContext {
  site: Site;
  principal: Principal;
  now: Date;
}

interface FieldSpec {
  /** Values the issue holds for the field (empty = EMPTY). */
  values(issue: SiteIssue): Atom[];
  /** Canonical values a literal stands for; throws JqlError when the value does not exist. */
  resolve(literal: string, ctx: EvalContext): Atom[];
  ordered?: 'number' | 'date';
  text?: boolean;
}

const lower = (text: string) => text.toLowerCase();

function parseDate(literal: string, now: Date, field: string): number {
  const relative = /^([-+]?\d+)([wdhm])$/i.exec(literal.trim());
  if (relative) {
    const amount = Number(relative[1]);
    const unit = lower(relative[2] ?? 'd');
    const ms = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000 }[unit] ?? 86_400_000;
    return now.getTime() + amount * ms;
  }
  const absolute = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:\s+(\d{2}):(\d{2}))?$/.exec(literal.trim());
  if (absolute) {
    return Date.UTC(Number(absolute[1]), Number(absolute[2]) - 1, Number(absolute[3]), Number(absolute[4] ?? 0), Number(absolute[5] ?? 0));
  }
  throw new JqlError(
    `Date value '${literal}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
}

const jiraDate = (value: string): number => Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

function propertyValue(issue: SiteIssue, alias: PropertyAlias): Atom[] {
  let value: Json | undefined = issue.properties[alias.propertyKey];
  for (const part of alias.path.split('.')) {
    if (value && typeof value === 'object' && !Array.isArray(value)) value = value[part];
    else value = undefined;
  }
  if (value === undefined || value === null) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number');
}

function customFieldSpec(fieldId: string): FieldSpec {
  return {
    values: (issue) => {
      const value = issue.custom[fieldId];
      if (value === null || value === undefined) return [];
      if (typeof value === 'number') return [value];
      if (typeof value === 'string') return Number.isFinite(Number(value)) ? [Number(value)] : [lower(value)];
      if (Array.isArray(value)) {
        return value.flatMap((item) => (item && typeof item === 'object' && !Array.isArray(item) && typeof item.value === 'string' ? [lower(item.value)] : []));
      }
      return [];
    },
    resolve: (literal) => (Number.isFinite(Number(literal)) ? [Number(literal)] : [lower(literal)]),
    ordered: 'number',
  };
}

function sprintFunction(name: string, ctx: EvalContext): Atom[] {
  const states = { opensprints: ['active', 'future'], futuresprints: ['future'], closedsprints: ['closed'] }[lower(name)];
  if (!states) throw new JqlError(`Unable to find JQL function '${name}()'.`);
  return [...ctx.site.sprints.values()].filter((sprint) => states.includes(sprint.state)).map((sprint) => sprint.id);
}

function fieldSpec(rawField: string, ctx: EvalContext): FieldSpec {
  const field = lower(rawField);
  const cf = /^cf\[(\d+)\]$/.exec(field);
  if (cf) return fieldSpec(`customfield_${cf[1]}`, ctx);
  const property = /^issue\.property\[([^\]]+)\]\.(.+)$/.exec(rawField);
  if (property) {
    const alias: PropertyAlias = { propertyKey: property[1] ?? '', path: property[2] ?? '', type: 'string' };
    return { values: (issue) => propertyValue(issue, alias), resolve: (literal) => [Number.isFinite(Number(literal)) ? Number(literal) : literal], ordered: 'number' };
  }
  const alias = PROPERTY_ALIASES[field];
  if (alias) {
    return {
      values: (issue) => propertyValue(issue, alias),
      resolve: (literal) => (alias.type === 'number' ? [Number(literal)] : [literal]),
      ...(alias.type === 'number' ? { ordered: 'number' as const } : {}),
    };
  }
  switch (field) {
    case 'project':
      return {
        values: (issue) => [issue.projectKey],
        resolve: (literal) => {
          const project = findProject(ctx.site, literal) ?? [...ctx.site.projects.values()].find((candidate) => lower(candidate.name) === lower(literal));
          if (!project || !canBrowse(ctx.site, ctx.principal, project.key)) throw new JqlError(`The value '${literal}' does not exist for the field 'project'.`);
          return [project.key];
        },
      };
    case 'key':
    case 'issuekey':
    case 'issue':
    case 'id':
      return {
        values: (issue) => [issue.key],
        resolve: (literal) => {
          const issue = findIssue(ctx.site, literal);
          if (!issue || !canBrowse(ctx.site, ctx.principal, issue.projectKey)) {
            if (/^\d+$/.test(literal)) return [];
            throw new JqlError(`An issue with key '${literal}' does not exist for field '${rawField}'.`);
          }
          return [issue.key];
        },
      };
    case 'sprint':
      return {
        values: (issue) => issue.sprintIds,
        resolve: (literal) => {
          const byId = ctx.site.sprints.get(Number(literal));
          if (byId) return [byId.id];
          const byName = [...ctx.site.sprints.values()].filter((sprint) => lower(sprint.name) === lower(literal));
          if (byName.length === 0) throw new JqlError(`Sprint with name or id '${literal}' does not exist or you do not have permission to view it.`);
          return byName.map((sprint) => sprint.id);
        },
      };
    case 'status':
      return {
        values: (issue) => [statusOf(issue).id],
        resolve: (literal) => {
          const status = STATUSES.find((candidate) => candidate.id === literal || lower(candidate.name) === lower(literal));
          if (!status) throw new JqlError(`The value '${literal}' does not exist for the field 'status'.`);
          return [status.id];
        },
      };
    case 'statuscategory':
      return {
        values: (issue) => [statusOf(issue).category],
        resolve: (literal) => {
          const entry = Object.values(STATUS_CATEGORIES).find(
            (category) => String(category.id) === literal || lower(category.name) === lower(literal) || category.key === lower(literal),
          );
          if (!entry) throw new JqlError(`The value '${literal}' does not exist for the field 'statusCategory'.`);
          return [entry.key];
        },
      };
    case 'resolution':
      return {
        values: (issue) => (isResolved(issue) ? ['done'] : []),
        resolve: (literal) => {
          if (lower(literal) === 'unresolved') return ['__unresolved__'];
          if (lower(literal) === 'done') return ['done'];
          throw new JqlError(`The value '${literal}' does not exist for the field 'resolution'.`);
        },
      };
    case 'issuetype':
    case 'type':
      return {
        values: (issue) => [lower(issueTypeOf(issue).name)],
        resolve: (literal) => {
          const type = ISSUE_TYPES.find((candidate) => candidate.id === literal || lower(candidate.name) === lower(literal));
          if (!type) throw new JqlError(`The value '${literal}' does not exist for the field '${rawField}'.`);
          return [lower(type.name)];
        },
      };
    case 'priority':
      return {
        values: (issue) => [issue.priorityId],
        resolve: (literal) => {
          const priority = PRIORITIES.find((candidate) => candidate.id === literal || lower(candidate.name) === lower(literal));
          if (!priority) throw new JqlError(`The value '${literal}' does not exist for the field 'priority'.`);
          return [priority.id];
        },
      };
    case 'labels':
      return { values: (issue) => issue.labels.map(lower), resolve: (literal) => [lower(literal)] };
    case 'assignee':
    case 'reporter':
    case 'creator':
      return {
        values: (issue) => {
          const id = field === 'assignee' ? issue.assigneeAccountId : field === 'reporter' ? issue.reporterAccountId : issue.creatorAccountId;
          return id ? [id] : [];
        },
        resolve: (literal) => [literal],
      };
    case 'updated':
    case 'updateddate':
    case 'created':
    case 'createddate':
    case 'resolved':
    case 'resolutiondate':
      return {
        values: (issue) => {
          const value = field.startsWith('updated') ? issue.updated : field.startsWith('created') ? issue.created : issue.resolutionDate;
          return value ? [jiraDate(value)] : [];
        },
        resolve: (literal) => [parseDate(literal, ctx.now, rawField)],
        ordered: 'date',
      };
    case 'parent':
      return { values: (issue) => (issue.parentKey ? [issue.parentKey] : []), resolve: (literal) => [literal.toUpperCase()] };
    case 'summary':
    case 'description':
    case 'text':
      return {
        values: (issue) => [lower(field === 'description' ? JSON.stringify(issue.description) : field === 'summary' ? issue.summary : `${issue.summary} ${JSON.stringify(issue.description)}`)],
        resolve: (literal) => [lower(literal)],
        text: true,
      };
    case 'flagged':
      return customFieldSpec(FIELD_IDS.flagged);
    default: {
      const definition = FIELDS.find((candidate) => candidate.custom && (lower(candidate.id) === field || lower(candidate.name) === field));
      if (definition) return customFieldSpec(definition.id);
      throw new JqlError(`Field '${rawField}' does not exist or you do not have permission to view it.`);
    }
  }
}

function resolveValue(value: JqlValue, spec: FieldSpec, field: string, ctx: EvalContext): Atom[] {
  switch (value.kind) {
    case 'literal':
      return spec.resolve(value.text, ctx);
    case 'list':
      return value.items.flatMap((item) => resolveValue(item, spec, field, ctx));
    case 'empty':
      return [];
    case 'function': {
      const name = lower(value.name);
      if (['opensprints', 'futuresprints', 'closedsprints'].includes(name)) {
        if (lower(field) !== 'sprint') throw new JqlError(`The field '${field}' does not support the function '${value.name}'.`);
        return sprintFunction(value.name, ctx);
      }
      if (name === 'currentuser') {
        if (ctx.principal.kind !== 'user') return [];
        return [ctx.principal.accountId];
      }
      if (name === 'now') return [ctx.now.getTime()];
      if (name === 'startofday' || name === 'endofday') {
        const day = new Date(Date.UTC(ctx.now.getUTCFullYear(), ctx.now.getUTCMonth(), ctx.now.getUTCDate()));
        const offset = value.args[0] ? parseDate(value.args[0], day, field) - day.getTime() : 0;
        return [day.getTime() + offset + (name === 'endofday' ? 86_399_999 : 0)];
      }
      throw new JqlError(`Unable to find JQL function '${value.name}()'.`);
    }
  }
}

type Predicate = (issue: SiteIssue) => boolean;

function compile(expr: JqlExpr, ctx: EvalContext): Predicate {
  switch (expr.kind) {
    case 'and': {
      const parts = expr.items.map((item) => compile(item, ctx));
      return (issue) => parts.every((part) => part(issue));
    }
    case 'or': {
      const parts = expr.items.map((item) => compile(item, ctx));
      return (issue) => parts.some((part) => part(issue));
    }
    case 'not': {
      const inner = compile(expr.expr, ctx);
      return (issue) => !inner(issue);
    }
    case 'clause':
      return compileClause(expr, ctx);
  }
}

function compileClause(clause: Extract<JqlExpr, { kind: 'clause' }>, ctx: EvalContext): Predicate {
  const spec = fieldSpec(clause.field, ctx);
  const isEmptyValue = clause.value.kind === 'empty';
  if (clause.op === 'is' || clause.op === 'is not') {
    const wantEmpty = clause.op === 'is';
    return (issue) => (spec.values(issue).length === 0) === wantEmpty;
  }
  const targets = resolveValue(clause.value, spec, clause.field, ctx);
  const unresolved = targets.includes('__unresolved__');
  const matches = (issue: SiteIssue): boolean => {
    const values = spec.values(issue);
    if (unresolved && values.length === 0) return true;
    if (isEmptyValue && values.length === 0) return true;
    return values.some((value) => targets.includes(value));
  };
  switch (clause.op) {
    case '=':
    case 'in':
      return matches;
    case '!=':
    case 'not in':
      // Like Jira, negative operators never match issues where the field is empty.
      return (issue) => (isEmptyValue ? spec.values(issue).length > 0 : spec.values(issue).length > 0 && !matches(issue));
    case '~':
    case '!~': {
      if (!spec.text) throw new JqlError(`The operator '${clause.op}' is not supported by the '${clause.field}' field.`);
      const words = targets.map(String);
      const contains = (issue: SiteIssue) => spec.values(issue).some((value) => words.every((word) => String(value).includes(word.replace(/\*$/, ''))));
      return clause.op === '~' ? contains : (issue) => !contains(issue);
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      if (!spec.ordered) throw new JqlError(`The operator '${clause.op}' is not supported by the '${clause.field}' field.`);
      const target = targets[0];
      if (typeof target !== 'number' || Number.isNaN(target)) throw new JqlError(`The value for field '${clause.field}' must be a number or date.`);
      const compare = { '>': (a: number) => a > target, '>=': (a: number) => a >= target, '<': (a: number) => a < target, '<=': (a: number) => a <= target }[clause.op];
      return (issue) => spec.values(issue).some((value) => typeof value === 'number' && compare(value));
    }
  }
}

type Comparator = (a: SiteIssue, b: SiteIssue) => number;

function orderComparator(query: JqlQuery, ctx: EvalContext): Comparator {
  const comparators: Comparator[] = query.orderBy.map((order) => {
    const field = lower(order.field);
    const sign = order.direction === 'desc' ? -1 : 1;
    const byString = (get: (issue: SiteIssue) => string): Comparator => (a, b) => sign * (get(a) < get(b) ? -1 : get(a) > get(b) ? 1 : 0);
    const byNumber = (get: (issue: SiteIssue) => number): Comparator => (a, b) => sign * (get(a) - get(b));
    if (field === 'rank' || field === `cf[${FIELD_IDS.rank.replace('customfield_', '')}]` || field === FIELD_IDS.rank) return byString((issue) => issue.rank);
    if (field === 'id') return byNumber((issue) => Number(issue.id));
    if (field === 'key' || field === 'issuekey') {
      // Jira orders keys by project, then by number (DEMO-9 before DEMO-10).
      return (a, b) => sign * (a.projectKey.localeCompare(b.projectKey) || Number(a.key.split('-')[1]) - Number(b.key.split('-')[1]));
    }
    if (field === 'created') return byNumber((issue) => jiraDate(issue.created));
    if (field === 'updated') return byNumber((issue) => jiraDate(issue.updated));
    if (field === 'priority') return byNumber((issue) => Number(issue.priorityId));
    if (field === 'summary') return byString((issue) => issue.summary);
    if (field === 'status') return byString((issue) => statusOf(issue).name);
    const spec = (() => {
      try {
        return fieldSpec(order.field, ctx);
      } catch {
        throw new JqlError(`Not able to sort using field '${order.field}'.`);
      }
    })();
    return byNumber((issue) => Number(spec.values(issue)[0] ?? Number.MAX_SAFE_INTEGER));
  });
  // Jira's default order for a query without ORDER BY is key/id descending (newest first).
  comparators.push((a, b) => (query.orderBy.length === 0 ? Number(b.id) - Number(a.id) : Number(a.id) - Number(b.id)));
  return (a, b) => {
    for (const comparator of comparators) {
      const result = comparator(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };
}

export interface JqlSearch {
  /** The issues the principal may see that match, in the query's order. */
  issues: SiteIssue[];
}

/** Parses and evaluates; throws JqlError with Jira's wording when the query is bad. */
export function runJql(params: {
  site: Site;
  principal: Principal;
  jql: string;
  requireBounded: boolean;
  now?: Date;
  candidates?: SiteIssue[];
}): JqlSearch {
  const query = parseJql(params.jql);
  if (params.requireBounded && query.where === null) {
    throw new JqlError('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  }
  const ctx: EvalContext = { site: params.site, principal: params.principal, now: params.now ?? new Date() };
  const predicate = query.where ? compile(query.where, ctx) : () => true;
  const comparator = orderComparator(query, ctx);
  const pool = params.candidates ?? [...params.site.issues.values()];
  const issues = pool.filter((issue) => canBrowse(params.site, params.principal, issue.projectKey) && predicate(issue)).sort(comparator);
  return { issues };
}
