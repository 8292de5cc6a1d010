$version: "2.0"

namespace example.bad

integer Name
