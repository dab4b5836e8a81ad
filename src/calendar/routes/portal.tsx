/** The public 期限计算器 (/qxjsq). */
import { Hono } from 'hono';
import { page } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { CALCULATOR_PRESETS, calculate } from '../deadline-query.js';
import { siteScope } from '../service.js';
import { CalculatorPage } from '../views/calculator.js';

export function calendarPortalRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/qxjsq', async (c) => {
    const q = c.req.query();
    const scope = siteScope(c.get('site'));
    const preset = CALCULATOR_PRESETS.find((p) => p.value === q.type) ?? CALCULATOR_PRESETS[0];
    const answer = await calculate(c.get('deps').db.k, scope.code, q.from, preset.amount);
    return page(
      c,
      <CalculatorPage c={c} query={q} preset={preset} {...answer} />,
      answer.errors || answer.message ? 422 : 200,
    );
  });
  return r;
}
