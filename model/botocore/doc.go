// Package botocore loads AWS botocore "service-2.json" documents (the format
// of botocore, boto3 and the AWS CLI) into smithygen's semantic model, so that
// a service described only in that format yields the same model.Model as its
// official Smithy JSON AST would, as far as the generated Go API is concerned.
//
// Load translates one document into Smithy shapes added to a model.Builder;
// every problem is recorded with Builder.Errorf at a file:line:col position
// and with the shape ID concerned, and no input makes it panic.
//
// It may import only the standard library, smithygen/model and
// smithygen/model/jsonnode.
//
// # Names
//
// The namespace is "com.amazonaws." followed by metadata.serviceId lowercased
// with everything but ASCII letters and digits removed (endpointPrefix when
// there is no serviceId): that is how AWS names its Smithy namespaces
// (CloudWatch Logs, whose endpointPrefix is "logs", lives in
// com.amazonaws.cloudwatchlogs). The service shape's name cannot be derived
// from a service-2 document for every service (AppFabric's is
// FabricFrontEndService): it is metadata.targetPrefix when present (the
// awsJson protocols, where AWS's shape name is the target prefix), otherwise
// serviceId with only letters and digits kept, "_", and apiVersion with only
// digits kept: QuickSight_20180401. Shapes and operations keep their botocore
// names; a botocore shape named like a prelude shape ("String") stays in the
// service namespace.
//
// # Shapes
//
// A string with "enum" becomes an enum shape. Member names are the values in
// UPPER_SNAKE case, split into words at camel-case boundaries and at any run of
// characters other than ASCII letters and digits ("InProgress" -> IN_PROGRESS,
// "m5.large" -> M5_LARGE), with "V" in front of a name that would start with a
// digit and "VALUE" for a value without letters or digits; a name taken by an
// earlier value, or by any value's own name, gets the first free suffix _2,
// _3, ... Each member has @enumValue with the exact value. The min, max and
// pattern of an enum are not kept: model's trait placement does not accept
// @length and @pattern on enum shapes yet.
//
// min/max become @length on strings, blobs, lists and maps and @range on
// numbers (keeping the numbers' text). "pattern" is kept verbatim: AWS's
// converter drops some ^ and $ anchors when it writes service-2 documents, and
// which ones cannot be told from the document. "sensitive", "timestampFormat"
// (iso8601 -> date-time, unixTimestamp -> epoch-seconds, rfc822 -> http-date),
// "streaming" and "requiresLength" map to their Smithy traits. A structure is
// a union with "union", a streaming union with "eventstream" and a document
// with "document". "exception"/"error"/"fault" make an @error shape: "server"
// when fault is set, else "client" when senderFault is set, else "server" for
// an httpStatusCode of 500 or more and "client" otherwise; httpStatusCode also
// gives @httpError. "retryable" gives @retryable.
//
// # Members
//
// Members keep the document's order. "required" gives @required (ignored on
// unions, where Smithy forbids it); "location" uri, querystring, header,
// headers and statusCode give @httpLabel, @httpQuery (@httpQueryParams on a
// map), @httpHeader, @httpPrefixHeaders and @httpResponseCode, their names
// taken from locationName (the member name when absent); a locationName on a
// body member gives @jsonName (@xmlName for the XML protocols) when it differs
// from the member name; the structure's "payload" gives @httpPayload.
// "idempotencyToken", "jsonvalue" (@mediaType("application/json")),
// "hostLabel", "eventpayload", "eventheader", "contextParam", "deprecated"
// with deprecatedMessage/deprecatedSince and "documentation" map to their
// traits.
//
// # Nullability
//
// service-2 documents carry Smithy 1.0 nullability: a boolean or number shape
// is non-nullable unless it is boxed ("box": true). The loader writes that in
// Smithy 2.0 terms, as AWS's converter does: a boolean or number shape without
// "box" gets @default(false) or @default(0); a structure member targeting such
// a shape gets the same default, or @default(null) when the member itself has
// "box"; a member targeting a boxed shape has no default, nor do union, list
// and map members. (AWS's Smithy 2.0 models make some unboxed shapes nullable
// all the same; that is not in the document.)
//
// # Operations and service
//
// An operation gets @http{method, uri (the requestUri verbatim, query part
// and greedy labels included), code (200 when responseCode is absent, as AWS
// writes it)} under a REST protocol, where "http" is required; input and
// output (smithy.api#Unit when absent), whose structures are marked
// @input/@output when no other operation or member uses them; errors in
// document order, each once; @idempotent, @readonly, @documentation,
// @deprecated; @endpoint from endpoint.hostPrefix; @optionalAuth from
// authtype "none"; @aws.auth#unsignedPayload from authtype "v4-unsigned-body"
// or unsignedPayload; @auth from "auth"; @httpChecksumRequired,
// @aws.protocols#httpChecksum, @requestCompression,
// @smithy.rules#staticContextParams and @aws.api#clientDiscoveredEndpoint from
// their botocore counterparts.
//
// The service gets version = apiVersion, every operation, @aws.api#service
// {sdkId, arnNamespace, endpointPrefix}, the auth traits of metadata.auth (or
// of signatureVersion: v4 -> @aws.auth#sigv4 {name: signingName or
// endpointPrefix}; @auth as well when there are several), the protocol traits
// of metadata.protocol and metadata.protocols (rest-json ->
// aws.protocols#restJson1, rest-xml -> restXml, json -> awsJson1_0 or
// awsJson1_1 by jsonVersion, query -> awsQuery, ec2 -> ec2Query,
// smithy-rpc-v2-cbor -> smithy.protocols#rpcv2Cbor), @title = serviceFullName
// and the document's documentation.
//
// Keys the loader does not know are ignored, so that documents written by a
// newer botocore still load. Dropped, having no Smithy trait the generator
// reads or being specific to other formats: XML details (flattened,
// xmlNamespace, xmlAttribute, queryName, wrapper, the locationName of list
// members and map keys and values), resultWrapper, documentationUrl,
// endpointoperation, the members' "streaming" (Smithy puts it on the target),
// error.code (the awsQuery error code), and metadata keys uid, globalEndpoint
// and protocolSettings. Paginators and endpoint rule sets live in other
// botocore files and are not read.
package botocore
