/// An attribute of an element: libxml2's decoded value and, when the start tag was found in the
/// source, the raw byte ranges.
public struct HTMLAttribute: Sendable, Hashable {
    /// Lower-cased.
    public let name: String
    /// Entities decoded (by libxml2).
    public let value: String
    public let nameRange: Range<Int>?
    /// The raw value without its quotes; an empty range after the name for a bare attribute.
    public let valueRange: Range<Int>?
    /// The raw value holds a character reference (`&amp;`, `&#x3C;`): the raw bytes differ from `value`.
    public let entityEncoded: Bool
}

/// An element of the parsed document, in document order.
public struct HTMLElement: Sendable, Hashable {
    /// Lower-cased.
    public let name: String
    public let attributes: [HTMLAttribute]
    /// Index of the parent element, nil at the top.
    public let parent: Int?
    /// libxml2's line (the line where the start tag ends); 65535 may mean "65535 or later".
    public let libxmlLine: Int
    /// The start tag in the source (`<` to after `>`), nil for an element libxml2 implied.
    public let tagRange: Range<Int>?
    /// `<script>` and `<style>`: the raw content.
    public let contentRange: Range<Int>?

    public func attribute(_ name: String) -> HTMLAttribute? {
        attributes.first { $0.name == name }
    }
}

/// JavaScript embedded in an HTML file, for the JavaScript tokenizer: `byteRange` is in the
/// HTML file's text (`HTMLScanResult.source`), so tokens can be reported in host-file positions.
public struct EmbeddedScript: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case scriptElement = "script-element"
        case eventHandler = "event-handler"
        case javascriptURL = "javascript-url"
    }

    /// What the script's `type` makes of its content.
    public enum Language: String, Sendable, Hashable, Codable {
        /// Classic script: no type, `text/javascript` and the other JavaScript MIME types. Event
        /// handlers and `javascript:` URLs are classic too.
        case classic
        case module
        case importmap
        /// `application/json`, `application/ld+json`: data, not code.
        case json
        case speculationRules = "speculation-rules"
        /// Anything else (`text/template`, `text/x-handlebars`, `text/babel`…): not run by the browser.
        case other
    }

    public let kind: Kind
    public let language: Language
    /// Raw bytes: script content; a handler's attribute value; a `javascript:` URL's code after the scheme.
    public let byteRange: Range<Int>
    /// The element's attributes (script element), or `element` and `attribute` (handlers, URLs).
    public let attributes: [String: String]
    /// The raw text holds character references (attributes only): the JavaScript is `decodedValue`.
    public let entityEncoded: Bool
    /// A `javascript:` URL with `%XX` escapes: the JavaScript is `decodedValue`.
    public let percentEncoded: Bool
    /// The code after entity / percent decoding, when it differs from the raw bytes.
    public let decodedValue: String?
    public let location: SourceLocation
}

/// Everything the HTML scanner found in one file.
public struct HTMLScanResult: Sendable {
    public let path: String
    public var facts: [Fact]
    public var scripts: [EmbeddedScript]
    public var diagnostics: [ScanDiagnostic]
    public let elements: [HTMLElement]
    /// The UTF-8 text every offset refers to: the file's bytes, or its transcoding to UTF-8.
    public let source: [UInt8]
    /// `utf-8`, `utf-16le`, `windows-1252`, …
    public let encoding: String
    public let transcoded: Bool
    /// The effective `<base href>`, if any.
    public let baseHref: String?
}
