package generator

import "github.com/dave/jennifer/jen"

// emitValidators writes validators.go.
func (g *gen) emitValidators(f *jen.File) error {
	return nil
}
