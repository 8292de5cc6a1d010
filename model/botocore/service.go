package botocore

import (
	"slices"

	"github.com/smithygen/smithygen/model"
	"github.com/smithygen/smithygen/model/jsonnode"
)

// protocol is a botocore protocol and what the loader needs to know of it.
type protocol struct {
	name  string        // botocore name
	trait model.ShapeID // the Smithy protocol trait
	rest  bool          // operations are bound to HTTP with "http"
	xml   bool          // body member names are XML names
}

// protocolFor returns the protocol botocore calls name; jsonVersion chooses
// between the two awsJson protocols.
func protocolFor(name, jsonVersion string) (protocol, bool) {
	p, ok := protocolTrait(name, jsonVersion)
	p.name = name
	return p, ok
}

func protocolTrait(name, jsonVersion string) (protocol, bool) {
	switch name {
	case "rest-json":
		return protocol{trait: awsProtocols("restJson1"), rest: true}, true
	case "rest-xml":
		return protocol{trait: awsProtocols("restXml"), rest: true, xml: true}, true
	case "json":
		if jsonVersion == "1.1" {
			return protocol{trait: awsProtocols("awsJson1_1")}, true
		}
		return protocol{trait: awsProtocols("awsJson1_0")}, true
	case "query":
		return protocol{trait: awsProtocols("awsQuery"), xml: true}, true
	case "ec2":
		return protocol{trait: awsProtocols("ec2Query"), xml: true}, true
	case "smithy-rpc-v2-cbor":
		return protocol{trait: model.ShapeID{Namespace: "smithy.protocols", Name: "rpcv2Cbor"}}, true
	}
	return protocol{}, false
}

func awsProtocols(name string) model.ShapeID {
	return model.ShapeID{Namespace: "aws.protocols", Name: name}
}

// IDs of the traits this package writes that model does not name.
var (
	traitAWSService          = model.ShapeID{Namespace: "aws.api", Name: "service"}
	traitSigV4               = model.ShapeID{Namespace: "aws.auth", Name: "sigv4"}
	traitSigV4A              = model.ShapeID{Namespace: "aws.auth", Name: "sigv4a"}
	traitUnsignedPayload     = model.ShapeID{Namespace: "aws.auth", Name: "unsignedPayload"}
	traitHTTPBearerAuth      = model.Prelude("httpBearerAuth")
	traitAuth                = model.Prelude("auth")
	traitOptionalAuth        = model.Prelude("optionalAuth")
	traitAWSQueryCompatible  = awsProtocols("awsQueryCompatible")
	traitHTTPChecksum        = awsProtocols("httpChecksum")
	traitHTTPChecksumReq     = model.Prelude("httpChecksumRequired")
	traitRequestCompression  = model.Prelude("requestCompression")
	traitEndpoint            = model.Prelude("endpoint")
	traitHostLabel           = model.Prelude("hostLabel")
	traitRetryable           = model.Prelude("retryable")
	traitEventHeader         = model.Prelude("eventHeader")
	traitXMLName             = model.Prelude("xmlName")
	traitContextParam        = model.ShapeID{Namespace: "smithy.rules", Name: "contextParam"}
	traitStaticContextParams = model.ShapeID{Namespace: "smithy.rules", Name: "staticContextParams"}
	traitDiscoveredEndpoint  = model.ShapeID{Namespace: "aws.api", Name: "clientDiscoveredEndpoint"}
)

// authSchemes maps the auth scheme IDs of metadata.auth to the service trait
// that declares them; smithy.api#noAuth declares nothing.
var authSchemes = map[string]model.ShapeID{
	"aws.auth#sigv4":            traitSigV4,
	"aws.auth#sigv4a":           traitSigV4A,
	"smithy.api#httpBearerAuth": traitHTTPBearerAuth,
}

// signatureVersions maps metadata.signatureVersion to an auth scheme, for
// documents without metadata.auth.
var signatureVersions = map[string]string{
	"v4":     "aws.auth#sigv4",
	"s3v4":   "aws.auth#sigv4",
	"s3":     "aws.auth#sigv4",
	"v4a":    "aws.auth#sigv4a",
	"bearer": "smithy.api#httpBearerAuth",
}

// service reads metadata, settles the namespace and the protocol, and returns
// the service shape without its operations, or nil when the metadata cannot
// name it.
func (l *loader) service(meta *jsonnode.Node) *model.Shape {
	var none model.ShapeID
	apiVersion := l.require(meta, "apiVersion", jsonnode.String, none)
	serviceID := l.str(meta, "serviceId", none)
	endpointPrefix := l.str(meta, "endpointPrefix", none)
	signingName := l.str(meta, "signingName", none)
	targetPrefix := l.str(meta, "targetPrefix", none)
	fullName := l.str(meta, "serviceFullName", none)
	jsonVersion := l.str(meta, "jsonVersion", none)
	signatureVersion := l.str(meta, "signatureVersion", none)
	protoName := l.get(meta, "protocol", jsonnode.String, none)
	protoList := l.strings(meta, "protocols", none)
	authList := l.strings(meta, "auth", none)
	if serviceID == "" && endpointPrefix == "" {
		l.errorf(meta, none, "metadata needs \"serviceId\" or \"endpointPrefix\" to name the namespace")
		return nil
	}
	if apiVersion == nil {
		return nil
	}
	base := serviceID
	if base == "" {
		base = endpointPrefix
	}
	ns := namespaceFor(base)
	name := serviceNameFor(targetPrefix, base, apiVersion.Str)
	id, err := model.ParseShapeID(ns + "#" + name)
	if err != nil {
		l.errorf(meta, none, "the service shape ID derived from the metadata, %q, is not valid", ns+"#"+name)
		return nil
	}
	l.ns = ns
	svc := &model.Shape{ID: id, Type: model.Service, Pos: l.doc.Pos(meta), Version: apiVersion.Str}

	// Protocols: metadata.protocol first, then any other of metadata.protocols.
	if protoName == nil && len(protoList) == 0 {
		l.errorf(meta, id, "missing required field %q", "protocol")
	}
	if protoName != nil {
		protoList = append([]*jsonnode.Node{protoName}, protoList...)
	}
	first := true
	for _, n := range protoList {
		p, ok := protocolFor(n.Str, jsonVersion)
		if !ok {
			l.errorf(n, id, "unknown protocol %q: want rest-json, rest-xml, json, query, ec2 or smithy-rpc-v2-cbor", n.Str)
			continue
		}
		if first {
			l.proto, first = p, false
		}
		if !svc.Traits.Has(p.trait) {
			svc.Traits.Set(l.trait(p.trait, annotation(), n))
		}
	}
	if meta.Get("awsQueryCompatible") != nil {
		svc.Traits.Set(l.trait(traitAWSQueryCompatible, annotation(), meta.Get("awsQueryCompatible")))
	}

	api := map[string]any{}
	if serviceID != "" {
		api["sdkId"] = serviceID
	}
	arnNamespace := signingName
	if arnNamespace == "" {
		arnNamespace = endpointPrefix
	}
	if arnNamespace != "" {
		api["arnNamespace"] = arnNamespace
	}
	if endpointPrefix != "" {
		api["endpointPrefix"] = endpointPrefix
	}
	svc.Traits.Set(l.trait(traitAWSService, api, meta))
	l.auth(svc, meta, authList, signatureVersion, arnNamespace)
	if fullName != "" {
		svc.Traits.Set(l.trait(model.TraitTitle, fullName, meta.Get("serviceFullName")))
	}
	return svc
}

// auth adds the auth scheme traits of metadata.auth, or of signatureVersion
// when there is no metadata.auth (sigv4 when neither is set). Several schemes
// also get @auth to keep their order of preference.
func (l *loader) auth(svc *model.Shape, meta *jsonnode.Node, authList []*jsonnode.Node, signatureVersion, signingName string) {
	var schemes []string
	at := meta
	switch {
	case meta.Get("auth") != nil:
		at = meta.Get("auth")
		for _, n := range authList {
			if n.Str == "smithy.api#noAuth" {
				continue
			}
			if _, ok := authSchemes[n.Str]; !ok {
				l.errorf(n, svc.ID, "unknown auth scheme %q: want aws.auth#sigv4, aws.auth#sigv4a, smithy.api#httpBearerAuth or smithy.api#noAuth", n.Str)
				continue
			}
			if !slices.Contains(schemes, n.Str) {
				schemes = append(schemes, n.Str)
			}
		}
	case signatureVersion == "":
		schemes = []string{"aws.auth#sigv4"}
	default:
		at = meta.Get("signatureVersion")
		s, ok := signatureVersions[signatureVersion]
		if !ok {
			l.errorf(at, svc.ID, "unknown signatureVersion %q: want v4, s3v4, v4a or bearer", signatureVersion)
			return
		}
		schemes = []string{s}
	}
	for _, s := range schemes {
		var value any = annotation()
		if s == "aws.auth#sigv4" || s == "aws.auth#sigv4a" {
			value = map[string]any{"name": signingName}
		}
		svc.Traits.Set(l.trait(authSchemes[s], value, at))
	}
	if len(schemes) > 1 {
		list := make([]any, len(schemes))
		for i, s := range schemes {
			list[i] = s
		}
		svc.Traits.Set(l.trait(traitAuth, list, at))
	}
}

// strings returns the string items of the array obj[key], reporting others.
func (l *loader) strings(obj *jsonnode.Node, key string, id model.ShapeID) []*jsonnode.Node {
	n := l.get(obj, key, jsonnode.Array, id)
	if n == nil {
		return nil
	}
	out := make([]*jsonnode.Node, 0, len(n.Items))
	for _, it := range n.Items {
		if it.Kind != jsonnode.String {
			l.errorf(it, id, "field %q must hold JSON strings, found %s", key, it.Kind)
			continue
		}
		out = append(out, it)
	}
	return out
}
