// Package generator turns a Smithy service (a *model.Model and a service shape)
// into one Go package: types, JSON codecs, validators and a restJson1 server.
//
// Data flows one way: model.Model --BuildIR--> Package (every Go name and type
// decided once, sorted by shape ID) --emitters--> files rendered and gofmt'd in
// memory --WriteFiles--> disk, atomically and only where bytes changed.
//
// It may import the standard library, smithygen/model, smithygen/templates and
// github.com/dave/jennifer.
package generator
