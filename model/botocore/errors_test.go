package botocore_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// errDoc returns a rest-json document for service com.amazonaws.s#S_1 whose
// operations sit on line 2 and shapes on line 4.
func errDoc(operations, shapes string) string {
	return `{"metadata": {"apiVersion": "1", "protocol": "rest-json", "serviceId": "S"},
"operations": {` + operations + `},
"shapes": {
` + shapes + `}}`
}

func TestLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []string
	}{
		{"invalid JSON", `{"metadata": }`, []string{
			`svc.json:1:14: invalid JSON: unexpected '}', expected a value`,
		}},
		{"duplicate key", `{"metadata": {}, "metadata": {}}`, []string{
			`svc.json:1:18: invalid JSON: duplicate key "metadata" in object at /`,
		}},
		{"duplicate shape name", errDoc(``, `"A": {"type": "string"},
"A": {"type": "string"}`), []string{
			`svc.json:5:1: invalid JSON: duplicate key "A" in object at /shapes`,
		}},
		{"not an object", `[]`, []string{
			`svc.json:1:1: a service-2 document must be a JSON object, found array`,
		}},
		{"missing sections", `{}`, []string{
			`svc.json:1:1: missing required field "metadata"`,
			`svc.json:1:1: missing required field "operations"`,
			`svc.json:1:1: missing required field "shapes"`,
		}},
		{"sections of the wrong type", `{"metadata": [], "operations": 1, "shapes": "x"}`, []string{
			`svc.json:1:14: field "metadata" must be a JSON object, found array`,
			`svc.json:1:32: field "operations" must be a JSON object, found number`,
			`svc.json:1:45: field "shapes" must be a JSON object, found string`,
		}},
		{"no apiVersion", `{"metadata": {"protocol": "rest-json", "serviceId": "S"}, "operations": {}, "shapes": {}}`, []string{
			`svc.json:1:14: missing required field "apiVersion"`,
		}},
		{"apiVersion of the wrong type", `{"metadata": {"apiVersion": 1, "serviceId": "S", "protocol": "json"}, "operations": {}, "shapes": {}}`, []string{
			`svc.json:1:29: field "apiVersion" must be a JSON string, found number`,
		}},
		{"no serviceId", `{"metadata": {"protocol": "rest-json", "apiVersion": "1"}, "operations": {}, "shapes": {}}`, []string{
			`svc.json:1:14: metadata needs "serviceId" or "endpointPrefix" to name the namespace`,
		}},
		{"serviceId not an identifier", `{"metadata": {"protocol": "rest-json", "apiVersion": "1", "serviceId": "3D"}, "operations": {}, "shapes": {}}`, []string{
			`svc.json:1:14: the service shape ID derived from the metadata, "com.amazonaws.3d#3D_1", is not valid`,
		}},
		{"no protocol", `{"metadata": {"apiVersion": "1", "serviceId": "S"}, "operations": {}, "shapes": {}}`, []string{
			`svc.json:1:14: com.amazonaws.s#S_1: missing required field "protocol"`,
		}},
		{"unknown protocol", `{"metadata": {"apiVersion": "1", "serviceId": "S", "protocol": "soap", "protocols": ["rest-json", 4]}, "operations": {}, "shapes": {}}`, []string{
			`svc.json:1:64: com.amazonaws.s#S_1: unknown protocol "soap": want rest-json, rest-xml, json, query, ec2 or smithy-rpc-v2-cbor`,
			`svc.json:1:99: field "protocols" must hold JSON strings, found number`,
		}},
		{"unknown auth scheme", `{"metadata": {"apiVersion": "1", "serviceId": "S", "protocol": "json", "auth": ["aws.auth#sigv5"]}, "operations": {}, "shapes": {}}`, []string{
			`svc.json:1:81: com.amazonaws.s#S_1: unknown auth scheme "aws.auth#sigv5": want aws.auth#sigv4, aws.auth#sigv4a, smithy.api#httpBearerAuth or smithy.api#noAuth`,
		}},
		{"unknown signatureVersion", `{"metadata": {"apiVersion": "1", "serviceId": "S", "protocol": "json", "signatureVersion": "v2"}, "operations": {}, "shapes": {}}`, []string{
			`svc.json:1:92: com.amazonaws.s#S_1: unknown signatureVersion "v2": want v4, s3v4, v4a or bearer`,
		}},
		{"shape not an object, bad shape name", errDoc(``, `"A": [], "b-c": {"type": "string"}`), []string{
			`svc.json:4:6: com.amazonaws.s#A: a shape must be a JSON object, found array`,
			`svc.json:4:17: invalid shape name "b-c": not a Smithy identifier`,
		}},
		{"shape types", errDoc(``, `"A": {}, "B": {"type": "character"}, "C": {"type": 1}`), []string{
			`svc.json:4:6: com.amazonaws.s#A: missing required field "type"`,
			`svc.json:4:24: com.amazonaws.s#B: unknown shape type "character": want structure, string, blob, boolean, byte, short, integer, long, float, double, timestamp, list or map`,
			`svc.json:4:52: com.amazonaws.s#C: field "type" must be a JSON string, found number`,
		}},
		{"constraints", errDoc(``, `"A": {"type": "string", "min": "1", "max": 1.5, "pattern": 3}, "B": {"type": "list", "member": {"shape": "A"}, "min": -1}, "C": {"type": "integer", "min": "0"}`), []string{
			`svc.json:4:32: com.amazonaws.s#A: field "min" must be a JSON number, found string`,
			`svc.json:4:44: com.amazonaws.s#A: field "max" must be an integer, found 1.5`,
			`svc.json:4:60: com.amazonaws.s#A: field "pattern" must be a JSON string, found number`,
			`svc.json:4:119: com.amazonaws.s#B: field "min" must not be negative, found -1`,
			`svc.json:4:156: com.amazonaws.s#C: field "min" must be a JSON number, found string`,
		}},
		{"dangling member target", errDoc(``, `"A": {"type": "structure", "members": {
  "X": {"shape": "Missing"}}}`), []string{
			`svc.json:5:8: com.amazonaws.s#A$X: target "com.amazonaws.s#Missing" not found`,
		}},
		{"members", errDoc(``, `"A": {"type": "structure", "members": {"X": {}, "Y": "Z", "a-b": {"shape": "A"}, "W": {"shape": "bad name"}}}`), []string{
			`svc.json:4:45: com.amazonaws.s#A$X: missing required field "shape"`,
			`svc.json:4:54: com.amazonaws.s#A$Y: a member must be a JSON object, found string`,
			`svc.json:4:66: com.amazonaws.s#A: invalid member name "a-b": not a Smithy identifier`,
			`svc.json:4:97: com.amazonaws.s#A$W: invalid shape name "bad name": not a Smithy identifier`,
		}},
		{"member names differing in case", errDoc(``, `"A": {"type": "structure", "members": {"Name": {"shape": "S"}, "name": {"shape": "S"}}}, "S": {"type": "string"}`), []string{
			`svc.json:4:72: com.amazonaws.s#A$name: duplicate member name (conflicts with "Name" at svc.json:4:48)`,
		}},
		{"required and payload", errDoc(``, `"A": {"type": "structure", "required": ["Nope", 1], "payload": "Body", "members": {}}`), []string{
			`svc.json:4:41: com.amazonaws.s#A: required member "Nope" is not a member of the structure`,
			`svc.json:4:49: com.amazonaws.s#A: field "required" must hold JSON strings, found number`,
			`svc.json:4:64: com.amazonaws.s#A: payload member "Body" is not a member of the structure`,
		}},
		{"locations", errDoc(``, `"A": {"type": "structure", "members": {"X": {"shape": "S", "location": "cookie"}, "Y": {"shape": "S", "location": "uri", "locationName": "y"}, "Z": {"shape": "S", "timestampFormat": "unix"}}}, "S": {"type": "string"}`), []string{
			`svc.json:4:72: com.amazonaws.s#A$X: unknown member location "cookie": want uri, querystring, header, headers or statusCode`,
			`svc.json:4:138: com.amazonaws.s#A$Y: uri label "y" differs from the member name: Smithy binds a label to the member of the same name`,
			`svc.json:4:183: com.amazonaws.s#A$Z: unknown timestampFormat "unix": want iso8601, unixTimestamp or rfc822`,
		}},
		{"enum values", errDoc(``, `"E": {"type": "string", "enum": ["a", "", "a", 3]}`), []string{
			`svc.json:4:39: com.amazonaws.s#E: enum value must be a non-empty string`,
			`svc.json:4:43: com.amazonaws.s#E: duplicate enum value "a"`,
			`svc.json:4:48: com.amazonaws.s#E: field "enum" must hold JSON strings, found number`,
		}},
		{"list and map members", errDoc(``, `"L": {"type": "list"}, "M": {"type": "map", "key": {"shape": "S"}}, "S": {"type": "string"}`), []string{
			`svc.json:4:6: com.amazonaws.s#L: a list must have exactly one member named "member"`,
			`svc.json:4:6: com.amazonaws.s#L: missing required field "member"`,
			`svc.json:4:29: com.amazonaws.s#M: a map must have exactly the members "key" and "value"`,
			`svc.json:4:29: com.amazonaws.s#M: missing required field "value"`,
		}},
		{"flags", errDoc(``, `"A": {"type": "structure", "union": "yes", "members": {"X": {"shape": "S", "box": 1}}}, "S": {"type": "string", "sensitive": "true"}`), []string{
			`svc.json:4:37: com.amazonaws.s#A: field "union" must be a JSON boolean, found string`,
			`svc.json:4:126: com.amazonaws.s#S: field "sensitive" must be a JSON boolean, found string`,
		}},
		{"error status", errDoc(`"Op": {"http": {"method": "GET", "requestUri": "/"}, "errors": [{"shape": "E"}]}`, `"E": {"type": "structure", "members": {}, "exception": true, "error": {"httpStatusCode": "404"}}`), []string{
			`svc.json:4:90: com.amazonaws.s#E: field "httpStatusCode" must be a JSON number, found string`,
		}},
		{"operation without http", errDoc(`"Op": {"name": "Op"}`, ``), []string{
			`svc.json:2:22: com.amazonaws.s#Op: operation has no "http" binding: the rest-json protocol requires one`,
		}},
		{"http of the wrong type", errDoc(`"Op": {"http": "GET /"}`, ``), []string{
			`svc.json:2:31: com.amazonaws.s#Op: field "http" must be a JSON object, found string`,
		}},
		{"http fields", errDoc(`"Op": {"http": {"requestUri": 1, "responseCode": 2.5}}`, ``), []string{
			`svc.json:2:31: com.amazonaws.s#Op: missing required field "method"`,
			`svc.json:2:46: com.amazonaws.s#Op: field "requestUri" must be a JSON string, found number`,
			`svc.json:2:65: com.amazonaws.s#Op: field "responseCode" must be an integer, found 2.5`,
		}},
		{"operation name", errDoc(`"Op": {"name": "Other", "http": {"method": "GET", "requestUri": "/"}}`, ``), []string{
			`svc.json:2:31: com.amazonaws.s#Op: operation name "Other" differs from its key "Op"`,
		}},
		{"operation references", errDoc(`"Op": {"http": {"method": "GET", "requestUri": "/"}, "input": {"shape": "Missing"}, "output": {}, "errors": ["E", {"shape": "NotError"}]}`, `"NotError": {"type": "structure", "members": {}}`), []string{
			`svc.json:2:22: com.amazonaws.s#Op: error com.amazonaws.s#NotError is not marked with @error`,
			`svc.json:2:22: com.amazonaws.s#Op: input "com.amazonaws.s#Missing" not found`,
			`svc.json:2:110: com.amazonaws.s#Op: missing required field "shape"`,
			`svc.json:2:125: com.amazonaws.s#Op: field "errors" must hold JSON objects, found string`,
		}},
		{"operation not an object, bad operation name", errDoc(`"Op": 1, "b-c": {}`, ``), []string{
			`svc.json:2:22: com.amazonaws.s#Op: an operation must be a JSON object, found number`,
			`svc.json:2:32: invalid operation name "b-c": not a Smithy identifier`,
		}},
		{"operation traits", errDoc(`"Op": {"http": {"method": "GET", "requestUri": "/"}, "endpoint": {}, "auth": ["nope"], "idempotent": "yes"}`, ``), []string{
			`svc.json:2:81: com.amazonaws.s#Op: missing required field "hostPrefix"`,
			`svc.json:2:94: com.amazonaws.s#Op: auth scheme "nope" is not a shape ID`,
			`svc.json:2:117: com.amazonaws.s#Op: field "idempotent" must be a JSON boolean, found string`,
		}},
		{"shape and operation of the same name", errDoc(`"A": {"http": {"method": "GET", "requestUri": "/"}}`, `"A": {"type": "string"}`), []string{
			`svc.json:1:14: com.amazonaws.s#S_1: operation com.amazonaws.s#A is a string, want operation`,
			`svc.json:2:21: com.amazonaws.s#A: duplicate shape ID, first defined at svc.json:4:6`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, buildErrors(t, tc.src))
		})
	}
}
