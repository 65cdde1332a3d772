// parseJsonBody reads ASCII bodies as Latin-1 (a copy, no decoding) and the
// rest through TextDecoder: whichever path a body takes, it must parse to what
// TextDecoder's text parses to, including a leading BOM and broken UTF-8.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { AppError } from "@/lib/errors/app-error";

const anyJson = z.unknown();
const encode = (text: string) => new TextEncoder().encode(text);

/** What TextDecoder's text parses to, or the 400 it gets: malformed, or holding a `__proto__` key. */
function expected(body: Uint8Array): unknown {
  const text = new TextDecoder().decode(body);
  let json: unknown;
  try {
    json = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    return "bad_request";
  }
  return JSON.stringify(json).includes('"__proto__":') ? "validation_failed" : json;
}

function actual(body: Uint8Array): unknown {
  try {
    return parseJsonBody(body, anyJson);
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("parseJsonBody", () => {
  it("parses any JSON text, ASCII or not, as TextDecoder's text does", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.unicodeJsonValue()), (value) => {
        const body = encode(JSON.stringify(value));
        expect(actual(body)).toStrictEqual(expected(body));
      }),
    );
  });

  it("reads any bytes as TextDecoder does (invalid UTF-8 replaced, malformed JSON a 400)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.string(), (noise, text) => {
        const body = new Uint8Array([...encode(`{"a":${JSON.stringify(text)},"b":"`), ...noise, ...encode('"}')]);
        expect(actual(body)).toStrictEqual(expected(body));
      }),
    );
  });

  it("drops a leading BOM and keeps non-ASCII text", () => {
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...encode('{"name":"Zoë ✓"}')]);
    expect(parseJsonBody(body, anyJson)).toEqual({ name: "Zoë ✓" });
  });

  it("reads a view into a larger buffer only within its bounds", () => {
    const whole = encode('xx{"a":1}yy');
    expect(parseJsonBody(whole.subarray(2, 9), anyJson)).toEqual({ a: 1 });
  });

  it("refuses a `__proto__` key anywhere, however it is written, naming where it is", () => {
    const fieldsOf = (text: string) => {
      try {
        parseJsonBody(encode(text), anyJson);
      } catch (error) {
        if (error instanceof AppError) return (error.details as { fields?: unknown } | undefined)?.fields;
      }
      return "accepted";
    };
    expect(fieldsOf('{"__proto__":{"admin":true}}')).toEqual({
      // Computed, so the literal makes a key rather than set a prototype.
      ["__proto__"]: ["`__proto__` is not accepted as a key"],
    });
    expect(fieldsOf('{"a":[0,{"b":{"\\u005F_proto\\u005f_" :1}}]}')).toEqual({
      "a.1.b.__proto__": ["`__proto__` is not accepted as a key"],
    });
    expect(fieldsOf('{"constructor":{"prototype":1},"__proto":1,"text":"\\"__proto__\\":"}')).toBe("accepted");
  });

  it("refuses text with a lone surrogate, in a value or a key, and accepts any well-formed text", () => {
    const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 12 }).filter((text) => text !== "__proto__"),
        fc.boolean(),
        (text, asKey) => {
          // JSON.stringify writes a lone surrogate as an escape, as a client would send it.
          const value = asKey ? { list: [{ [text]: 1 }] } : { list: [{ name: text }] };
          const result = actual(encode(JSON.stringify(value)));
          if (lone.test(text)) expect(result).toBe("validation_failed");
          else expect(result).toStrictEqual(JSON.parse(JSON.stringify(value)));
        },
      ),
    );
    const fieldsOf = (text: string) => {
      try {
        parseJsonBody(encode(text), anyJson);
      } catch (error) {
        if (error instanceof AppError) return Object.keys((error.details as { fields: object }).fields);
      }
      return "accepted";
    };
    expect(fieldsOf('{"a":[{"b":"x\\ud800"}]}')).toEqual(["a.0.b"]);
    expect(fieldsOf('{"a":{"\\udc00":1}}')).toEqual(["a.\\udc00"]);
    expect(fieldsOf('"\\uDBFF"')).toEqual(["body"]);
    expect(fieldsOf('{"emoji":"\\ud83d\\ude00"}')).toBe("accepted");
  });

  it("takes an empty or blank body as {}", () => {
    expect(parseJsonBody(encode(""), anyJson)).toEqual({});
    expect(parseJsonBody(encode(" \n"), anyJson)).toEqual({});
  });
});
