package idl

// maxDepth is the deepest nesting of node arrays and objects accepted.
const maxDepth = 512

type nodeKind uint8

const (
	nNull nodeKind = iota
	nBool
	nNumber
	nString  // a quoted string or a text block
	nShapeID // an unquoted string: a shape ID, resolved in Finish
	nArray
	nObject
)

// node is a node value as parsed. Values are resolved and turned into plain
// values (Loader.value) once every file is loaded.
type node struct {
	kind   nodeKind
	str    string // string value, number text or shape ID text
	b      bool
	items  []*node
	fields []field // in source order
	off    int     // byte offset in the file
}

type field struct {
	key   string
	off   int
	value *node
}

var nodeKindNames = [...]string{"null", "boolean", "number", "string", "shape ID", "array", "object"}

func (k nodeKind) String() string { return nodeKindNames[k] }
