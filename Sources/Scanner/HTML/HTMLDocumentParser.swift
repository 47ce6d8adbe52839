// The only Swift file that imports libxml2. It parses HTML with libxml2's HTML parser and turns
// the tree into `LibXMLElement`s (plain Swift values) before the document is freed.
import CLibXML2

/// One element of libxml2's tree, in document order.
struct LibXMLElement: Sendable {
    /// Lower-cased as libxml2 reports it.
    var name: String
    /// Attribute names and values with entities decoded, in source order.
    var attributes: [(name: String, value: String)]
    /// libxml2's line for the element (1-based); 65535 and above may be saturated.
    var line: Int
    /// Index of the parent element in the list, or nil at the top.
    var parent: Int?
    /// Bytes of text under the element (direct text children only).
    var textBytes: Int
}

struct LibXMLMessage: Sendable, Hashable {
    var line: Int
    var column: Int
    var isWarning: Bool
    var message: String
}

struct LibXMLDocument: Sendable {
    var elements: [LibXMLElement]
    var messages: [LibXMLMessage]
    /// More messages than `messageLimit` were reported; the rest were dropped.
    var droppedMessages: Int
    /// libxml2 returned no document at all.
    var failed: Bool
}

/// Collects libxml2's structured errors for one parse (libxml2 calls back on the parsing thread).
private final class MessageSink {
    var messages: [LibXMLMessage] = []
    var dropped = 0
    let limit: Int
    init(limit: Int) { self.limit = limit }
}

enum HTMLDocumentParser {
    /// libxml2 asks for one `xmlInitParser()` before use from several threads.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    static let messageLimit = 200

    /// Parses UTF-8 HTML (no BOM) in recover mode without network access, external entities,
    /// implied `<html>`/`<body>`, or any output of libxml2's own.
    static func parse(_ utf8: ArraySlice<UInt8>) -> LibXMLDocument {
        _ = initialized
        var options: Int32 = 0
        options |= Int32(HTML_PARSE_RECOVER.rawValue)
        options |= Int32(HTML_PARSE_NONET.rawValue)
        options |= Int32(HTML_PARSE_NOERROR.rawValue)
        options |= Int32(HTML_PARSE_NOWARNING.rawValue)
        options |= Int32(HTML_PARSE_NOIMPLIED.rawValue)
        options |= Int32(HTML_PARSE_NODEFDTD.rawValue)
        options |= Int32(HTML_PARSE_COMPACT.rawValue)
        options |= Int32(HTML_PARSE_IGNORE_ENC.rawValue)
        options |= Int32(XML_PARSE_HUGE.rawValue)

        let sink = MessageSink(limit: messageLimit)
        let context = Unmanaged.passRetained(sink)
        defer { context.release() }
        // libxml2's error handler is per thread; set it around this parse only.
        xmlSetStructuredErrorFunc(context.toOpaque()) { userData, error in
            guard let userData, let error else { return }
            let sink = Unmanaged<MessageSink>.fromOpaque(userData).takeUnretainedValue()
            if sink.messages.count >= sink.limit { sink.dropped += 1; return }
            let e = error.pointee
            var text = e.message.map { String(cString: $0) } ?? ""
            while text.hasSuffix("\n") || text.hasSuffix(" ") { text.removeLast() }
            sink.messages.append(LibXMLMessage(line: Int(e.line), column: Int(e.int2), isWarning: e.level == XML_ERR_WARNING, message: text))
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }

        guard let ctxt = htmlNewParserCtxt() else {
            return LibXMLDocument(elements: [], messages: [], droppedMessages: 0, failed: true)
        }
        defer { htmlFreeParserCtxt(ctxt) }

        let doc: htmlDocPtr? = utf8.withUnsafeBufferPointer { buffer in
            let count = Int32(clamping: buffer.count)
            let base = buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }
            // An empty buffer still needs a valid pointer.
            if buffer.isEmpty {
                return htmlCtxtReadMemory(ctxt, "", 0, "about:blank", "UTF-8", options)
            }
            return htmlCtxtReadMemory(ctxt, base, count, "about:blank", "UTF-8", options)
        }
        guard let doc else {
            return LibXMLDocument(elements: [], messages: sink.messages, droppedMessages: sink.dropped, failed: true)
        }
        defer { xmlFreeDoc(doc) }

        var elements: [LibXMLElement] = []
        // Iterative pre-order walk: deep nesting must not exhaust the stack.
        var stack: [(node: xmlNodePtr, parent: Int?)] = []
        var child = doc.pointee.children
        var roots: [xmlNodePtr] = []
        while let c = child { roots.append(c); child = c.pointee.next }
        for r in roots.reversed() { stack.append((r, nil)) }
        while let (node, parent) = stack.popLast() {
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            let name = node.pointee.name.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) } ?? ""
            var attributes: [(name: String, value: String)] = []
            var attr = node.pointee.properties
            while let a = attr {
                let attrName = a.pointee.name.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) } ?? ""
                var value: [UInt8] = []
                var t = a.pointee.children
                while let n = t {
                    if let content = n.pointee.content {
                        let length = Int(xmlStrlen(content))
                        value.append(contentsOf: UnsafeBufferPointer(start: content, count: length))
                    }
                    t = n.pointee.next
                }
                attributes.append((attrName, String(decoding: value, as: UTF8.self)))
                attr = a.pointee.next
            }
            var textBytes = 0
            var kids: [xmlNodePtr] = []
            var k = node.pointee.children
            while let n = k {
                if n.pointee.type == XML_TEXT_NODE || n.pointee.type == XML_CDATA_SECTION_NODE, let content = n.pointee.content {
                    textBytes += Int(xmlStrlen(content))
                }
                kids.append(n)
                k = n.pointee.next
            }
            let index = elements.count
            elements.append(LibXMLElement(name: name, attributes: attributes, line: Int(xmlGetLineNo(node)),
                                          parent: parent, textBytes: textBytes))
            for n in kids.reversed() { stack.append((n, index)) }
        }
        return LibXMLDocument(elements: elements, messages: sink.messages, droppedMessages: sink.dropped, failed: false)
    }
}
