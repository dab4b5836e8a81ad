/** GET /api/v1/calendar/deadline: a deadline in the county's calendar, as JSON with Chinese errors. */
import { Hono } from 'hono';
import { ValidationError } from '../../platform/errors.js';
import type { AppEnv } from '../../platform/web/env.js';
import { CalendarMissingError } from '../calendar.js';
import { ClockError } from '../clock.js';
import { weekdayLabel } from '../dates.js';
import { answerDeadline } from '../deadline-query.js';

export function calendarApiRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/calendar/deadline', async (c) => {
    const code = c.get('site')?.jurisdictionCode ?? 'CN';
    try {
      const { query: q, rules, deadline: d } = await answerDeadline(c.get('deps').db.k, code, c.req.query());
      return c.json({
        from: q.from,
        [q.unit === 'workday' ? 'workingDays' : 'days']: q.amount,
        deadline: d.due,
        weekday: weekdayLabel(d.due),
        countFromNextDay: rules.countFromNextDay,
        steps: d.steps,
      });
    } catch (err) {
      if (err instanceof ValidationError)
        return c.json({ error: Object.values(err.fieldErrors).join('；'), fields: err.fieldErrors }, 400);
      if (err instanceof CalendarMissingError) return c.json({ error: err.message, missingYear: err.year }, 422);
      if (err instanceof ClockError) return c.json({ error: err.message }, 400);
      throw err;
    }
  });
  return r;
}
