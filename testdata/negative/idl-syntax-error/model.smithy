$version: "2.0"

namespace example.negative

structure Thing {
    name: String
