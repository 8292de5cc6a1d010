package idl

import "github.com/smithygen/smithygen/model"

// preludeShapes are the public shapes of the Smithy prelude that are not traits.
var preludeShapes = map[string]bool{
	"String": true, "Blob": true, "BigInteger": true, "BigDecimal": true, "Timestamp": true, "Document": true,
	"Boolean": true, "Byte": true, "Short": true, "Integer": true, "Long": true, "Float": true, "Double": true,
	"PrimitiveBoolean": true, "PrimitiveByte": true, "PrimitiveShort": true, "PrimitiveInteger": true,
	"PrimitiveLong": true, "PrimitiveFloat": true, "PrimitiveDouble": true, "Unit": true,
}

// preludeTraits are the traits of the Smithy prelude, with the type of their
// shape, which decides the value of a trait applied without one. model's
// built-in prelude holds no trait shapes, so relative trait IDs resolve
// against this table; when prelude.smithy itself is loaded, its shapes agree
// with it (tested).
var preludeTraits = map[string]model.ShapeType{
	// Traits whose value is not an object.
	"default": model.Document, "enumValue": model.Document,
	"error": model.Enum, "timestampFormat": model.Enum,
	"httpError": model.Integer,
	"auth":      model.List, "enum": model.List, "examples": model.List, "references": model.List,
	"suppress": model.List, "tags": model.List,
	"externalDocumentation": model.Map, "traitValidators": model.Map,
	"documentation": model.String, "httpHeader": model.String, "httpPrefixHeaders": model.String,
	"httpQuery": model.String, "jsonName": model.String, "mediaType": model.String, "pattern": model.String,
	"resourceIdentifier": model.String, "since": model.String, "title": model.String, "xmlName": model.String,
	// Structure traits.
	"addedDefault": model.Structure, "authDefinition": model.Structure, "box": model.Structure,
	"clientOptional": model.Structure, "cors": model.Structure, "deprecated": model.Structure,
	"endpoint": model.Structure, "eventHeader": model.Structure, "eventPayload": model.Structure,
	"hostLabel": model.Structure, "http": model.Structure, "httpApiKeyAuth": model.Structure,
	"httpBasicAuth": model.Structure, "httpBearerAuth": model.Structure, "httpChecksumRequired": model.Structure,
	"httpDigestAuth": model.Structure, "httpLabel": model.Structure, "httpPayload": model.Structure,
	"httpQueryParams": model.Structure, "httpResponseCode": model.Structure, "idRef": model.Structure,
	"idempotencyToken": model.Structure, "idempotent": model.Structure, "input": model.Structure,
	"internal": model.Structure, "length": model.Structure, "longPoll": model.Structure,
	"metadata": model.Structure, "mixin": model.Structure, "nestedProperties": model.Structure,
	"noReplace": model.Structure, "notProperty": model.Structure, "optionalAuth": model.Structure,
	"output": model.Structure, "paginated": model.Structure, "private": model.Structure,
	"property": model.Structure, "protocolDefinition": model.Structure, "range": model.Structure,
	"readonly": model.Structure, "recommended": model.Structure, "requestCompression": model.Structure,
	"required": model.Structure, "requiresLength": model.Structure, "retryable": model.Structure,
	"sensitive": model.Structure, "sparse": model.Structure, "streaming": model.Structure,
	"trait": model.Structure, "uniqueItems": model.Structure, "unitType": model.Structure,
	"unstable": model.Structure, "xmlAttribute": model.Structure, "xmlFlattened": model.Structure,
	"xmlNamespace": model.Structure,
}

var traitPrivate = model.Prelude("private")
