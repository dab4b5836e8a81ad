import { describe, it, expect } from 'vitest';
import { parseIcs, classify } from './ics.js';

// Shaped like the calendars published with the chinese-days package (MIT) and by calendar apps.
const SAMPLE = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//CN holidays//ZH',
  'BEGIN:VEVENT',
  'UID:a1',
  'DTSTART;VALUE=DATE:20270101',
  'DTEND;VALUE=DATE:20270104',
  'SUMMARY:元旦(休)',
  'DESCRIPTION:休',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:a2',
  'DTSTART;VALUE=DATE:20270206',
  'DTEND;VALUE=DATE:20270207',
  'SUMMARY:春节(班)',
  'DESCRIPTION:班',
  'X-APPLE-SPECIAL-DAY:ALTERNATE-WORKDAY',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:a3',
  'DTSTART;VALUE=DATE:20270410',
  'SUMMARY:三月三',
  ' 放假',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('reading .ics holiday calendars', () => {
  it('reads all-day events with exclusive DTEND, 休/班 marks and folded lines', () => {
    const r = parseIcs(SAMPLE);
    expect(r.errors).toEqual([]);
    expect(r.days).toEqual([
      { date: '2027-01-01', type: 'off', name: '元旦' },
      { date: '2027-01-02', type: 'off', name: '元旦' },
      { date: '2027-01-03', type: 'off', name: '元旦' },
      { date: '2027-02-06', type: 'workday', name: '春节' },
      { date: '2027-04-10', type: 'off', name: '三月三' },
    ]);
  });

  it.each([
    ['端午(休)', '', '', { type: 'off', name: '端午节' }],
    ['国庆节 补班', '', '', { type: 'workday', name: '国庆节' }],
    ['春节放假', '', '', { type: 'off', name: '春节' }],
    ['上班', '', '', { type: 'workday', name: '调休上班' }],
    ['Spring Festival', '', 'ALTERNATE-WORKDAY', { type: 'workday', name: 'SpringFestival' }],
  ])('classifies %s', (summary, description, apple, expected) => {
    expect(classify(summary, description, apple)).toEqual(expected);
  });

  it('names the line of every bad date and refuses a non-calendar file', () => {
    const bad = SAMPLE.replace('DTSTART;VALUE=DATE:20270206', 'DTSTART;VALUE=DATE:20270230');
    expect(parseIcs(bad).errors).toEqual(['第 13 行：DTSTART 不是有效日期（20270230）']);
    expect(parseIcs(SAMPLE.replace('DTSTART;VALUE=DATE:20270410\r\n', '')).errors).toEqual([
      '第 19 行开始的事件缺少开始日期（DTSTART）',
    ]);
    expect(parseIcs('hello').errors).toEqual(['不是 iCalendar（.ics）文件：缺少 BEGIN:VCALENDAR']);
    expect(parseIcs('BEGIN:VCALENDAR\nEND:VCALENDAR').errors).toEqual(['文件中没有找到任何节假日事件（VEVENT）']);
  });
});
