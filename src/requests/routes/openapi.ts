/** The OpenAPI description of the JSON API (served at /api/v1/openapi.json). */
import { EVENTS } from '../workflow.js';

const ERR = {
  description: '错误（中文说明在 error 字段）',
  content: {
    'application/json': {
      schema: { type: 'object', properties: { error: { type: 'string' }, fields: { type: 'object' } } },
    },
  },
};

export const OPENAPI = {
  openapi: '3.0.3',
  info: {
    title: '公开（Gongkai）接口',
    version: '1',
    description:
      '依申请公开办理接口。每个单位的系统管理员创建接口令牌，调用时以 Authorization: Bearer gk_… 认证，身份为该单位的依申请办理员。期限查询接口无需认证。',
  },
  components: { securitySchemes: { token: { type: 'http', scheme: 'bearer' } } },
  paths: {
    '/api/v1/calendar/deadline': {
      get: {
        summary: '按工作日历计算期限截止日',
        parameters: [
          { name: 'from', in: 'query', required: true, schema: { type: 'string', format: 'date' } },
          { name: 'workingDays', in: 'query', schema: { type: 'integer' } },
          { name: 'days', in: 'query', schema: { type: 'integer' } },
        ],
        responses: { 200: { description: '截止日和计算过程' }, 400: ERR, 422: ERR },
      },
    },
    '/api/v1/requests': {
      get: {
        summary: '本单位的申请（办理队列）',
        security: [{ token: [] }],
        parameters: [
          {
            name: 'state',
            in: 'query',
            schema: {
              type: 'string',
              enum: [
                'open',
                'new',
                'needs_correction',
                'correction',
                'consultation',
                'consultation_lapsed',
                'review',
                'due_soon',
                'overdue',
              ],
            },
          },
        ],
        responses: { 200: { description: '申请列表' }, 401: ERR },
      },
      post: {
        summary: '登记申请（当面、信函、传真、电子邮件、口头）',
        security: [{ token: [] }],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['channel', 'submitted_on', 'applicant_type', 'name', 'id_type'],
                description:
                  '姓名或名称和至少一种联系方式必填；证件号码、所需信息描述、提供形式和获取方式缺少或不明确的照常登记，返回 missing（需补正事项，条例第二十九条），按条例第三十条一次性告知补正。',
                properties: {
                  channel: {
                    type: 'string',
                    enum: ['in_person', 'oral', 'registered_mail', 'ordinary_mail', 'fax', 'email'],
                  },
                  submitted_on: { type: 'string', format: 'date' },
                  received_on: { type: 'string', format: 'date' },
                  applicant_type: { type: 'string', enum: ['natural', 'legal'] },
                  org_type: {
                    type: 'string',
                    enum: ['commercial', 'research', 'public_welfare', 'legal_service', 'other'],
                  },
                  name: { type: 'string' },
                  id_type: {
                    type: 'string',
                    enum: ['resident_id', 'passport', 'hk_macao', 'taiwan', 'other', 'credit_code'],
                  },
                  id_number: { type: 'string' },
                  phone: { type: 'string' },
                  address: { type: 'string' },
                  postcode: { type: 'string' },
                  email: { type: 'string' },
                  description: { type: 'string' },
                  doc_number: { type: 'string' },
                  form: { type: 'string', enum: ['paper', 'electronic', 'other'] },
                  delivery: { type: 'string', enum: ['mail', 'email', 'pickup', 'fax', 'online'] },
                },
              },
            },
          },
        },
        responses: {
          201: { description: '已登记（含申请编号和查询码）' },
          200: { description: '十分钟内的重复申请' },
          401: ERR,
          422: ERR,
        },
      },
    },
    '/api/v1/requests/{id}': {
      get: {
        summary: '一件申请及其办理记录和期限',
        security: [{ token: [] }],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { 200: { description: '申请' }, 401: ERR, 403: ERR, 404: ERR },
      },
    },
    '/api/v1/requests/{id}/events': {
      post: {
        summary: '记录办理事件',
        security: [{ token: [] }],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['type'],
                properties: {
                  type: { type: 'string', enum: Object.keys(EVENTS) },
                  date: { type: 'string', format: 'date' },
                  received_on: { type: 'string', format: 'date' },
                  items: { type: 'string' },
                  until: { type: 'string', format: 'date' },
                  party: { type: 'string', enum: ['third_party', 'other_agency'] },
                  party_name: { type: 'string' },
                  consultation_id: { type: 'integer' },
                  working_days: { type: 'integer' },
                  approver: { type: 'string' },
                  reason: { type: 'string' },
                  outcome: { type: 'string' },
                  method: { type: 'string' },
                  basis: { type: 'string', enum: ['count', 'pages'] },
                  pages: { type: 'integer' },
                  kind: { type: 'string' },
                  filed_on: { type: 'string', format: 'date' },
                  appeal_id: { type: 'integer' },
                  result: {
                    type: 'string',
                    description:
                      '征求意见结果（consulted：agree 同意公开、disagree 不同意公开、lapsed 逾期未答复）或复议诉讼结果（appeal_result）',
                  },
                  decided_on: { type: 'string', format: 'date' },
                  to_unit_id: { type: 'integer' },
                },
              },
            },
          },
        },
        responses: { 200: { description: '新的状态和期限' }, 401: ERR, 403: ERR, 409: ERR, 422: ERR },
      },
    },
  },
};
