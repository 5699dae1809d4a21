import ArgumentParser
import ScopeRender

// The diagram options' values, parsed by argument-parser: a wrong word is a usage error listing the right ones.

extension DiagramView: ExpressibleByArgument {}

extension LayoutEngine: ExpressibleByArgument {}

extension OutputFormat: ExpressibleByArgument {}
