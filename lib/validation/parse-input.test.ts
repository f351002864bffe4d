import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/app-error';
import { parseInput } from './parse-input';

const Form = z.strictObject({
  title: z.string().min(1, 'Enter a title'),
  count: z.number({ error: 'Count must be a number' }).int('Count must be whole'),
  nested: z.strictObject({ keep: z.boolean() }).optional(),
});

function caught(data: unknown, schema: z.ZodType = Form): AppError {
  try {
    parseInput(schema, data);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('Expected parseInput to throw');
}

describe('parseInput', () => {
  it('returns the parsed value when valid', () => {
    expect(parseInput(Form, { title: 'A', count: 2 })).toEqual({ title: 'A', count: 2 });
  });

  it('throws INVALID (400) with every field’s messages and a general message', () => {
    const error = caught({ title: '', count: 1.5 });
    expect(error.code).toBe('INVALID');
    expect(error.status).toBe(400);
    expect(error.message).toBe('Some fields need attention.');
    expect(error.details).toEqual({ fields: { title: ['Enter a title'], count: ['Count must be whole'] } });
    expect(error.toBody()).toEqual({
      error: { code: 'INVALID', message: 'Some fields need attention.', fields: { title: ['Enter a title'], count: ['Count must be whole'] } },
    });
  });

  it('names unknown top-level fields in the message, since the form has nowhere to show them', () => {
    const error = caught({ title: 'A', count: 1, foo: 1, bar: 2 });
    expect(error.message).toBe('Unknown fields: foo, bar');
    expect(error.details).toEqual({});
  });

  it('files an unknown key inside a field under that field, not as a top-level field', () => {
    const error = caught({ title: 'A', count: 1, nested: { keep: true, extra: 1 } });
    expect(error.message).toBe('Some fields need attention.');
    expect(error.details.fields?.nested?.join(' ')).toContain('extra');
  });

  it('uses the issue’s own message when the input is not an object at all', () => {
    const error = caught('a string');
    expect(error.details).toEqual({});
    expect(error.message).not.toBe('Some fields need attention.');
    expect(error.message.length).toBeGreaterThan(0);
  });
});
