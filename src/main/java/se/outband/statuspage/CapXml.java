package se.outband.statuspage;

import java.io.StringWriter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes CAP 1.2 alerts and their Atom index with an XML writer, so every text a leader typed is escaped by
 * the writer and never pasted into markup. Characters XML 1.0 cannot hold at all are dropped first: a
 * document with one of them would be refused whole by every parser, whereas the text loses nothing anyone sees.
 */
final class CapXml {

    static final String CAP_NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    static final String ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";
    /** The JDK's own writer, whatever else is on the class path: its escaping is the one this class relies on. */
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    /** One alert: the fields of CAP's {@code alert} block in the order the standard lists them. */
    record Alert(String identifier, String sender, String sent, String status, String msgType, String scope, List<String> references,
            String incident, List<Info> infos) {
    }

    /** One {@code info} block, in one language; null fields are left out. */
    record Info(String language, String category, String event, String responseType, String urgency, String severity,
            String certainty, String senderName, String headline, String description, String web, String contact, String areaDesc) {
    }

    /** One Atom entry of the index: the alert it leads to, its headline and when it was sent (RFC 3339). */
    record IndexEntry(String url, String title, String updated, String msgType, String summary) {
    }

    private CapXml() {
    }

    static String alert(Alert alert) {
        return write(xml -> {
            xml.writeStartElement("alert");
            xml.writeDefaultNamespace(CAP_NAMESPACE);
            element(xml, 1, "identifier", alert.identifier());
            element(xml, 1, "sender", alert.sender());
            element(xml, 1, "sent", alert.sent());
            element(xml, 1, "status", alert.status());
            element(xml, 1, "msgType", alert.msgType());
            element(xml, 1, "scope", alert.scope());
            element(xml, 1, "references", alert.references().isEmpty() ? null : String.join(" ", alert.references()));
            element(xml, 1, "incidents", alert.incident());
            for (Info info : alert.infos()) {
                indent(xml, 1);
                xml.writeStartElement("info");
                element(xml, 2, "language", info.language());
                element(xml, 2, "category", info.category());
                element(xml, 2, "event", info.event());
                element(xml, 2, "responseType", info.responseType());
                element(xml, 2, "urgency", info.urgency());
                element(xml, 2, "severity", info.severity());
                element(xml, 2, "certainty", info.certainty());
                element(xml, 2, "senderName", info.senderName());
                element(xml, 2, "headline", info.headline());
                element(xml, 2, "description", info.description());
                element(xml, 2, "web", info.web());
                element(xml, 2, "contact", info.contact());
                indent(xml, 2);
                xml.writeStartElement("area");
                element(xml, 3, "areaDesc", info.areaDesc());
                indent(xml, 2);
                xml.writeEndElement();
                indent(xml, 1);
                xml.writeEndElement();
            }
            indent(xml, 0);
            xml.writeEndElement();
        });
    }

    /** The Atom feed (RFC 4287) listing alerts, newest first; in Swedish, the language every alert has. */
    static String index(String id, String title, String author, String pageUrl, String updated, List<IndexEntry> entries) {
        return write(xml -> {
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM_NAMESPACE);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "sv");
            element(xml, 1, "title", title);
            element(xml, 1, "id", id);
            link(xml, 1, "self", "application/atom+xml", id);
            link(xml, 1, "alternate", "text/html", pageUrl);
            element(xml, 1, "updated", updated);
            indent(xml, 1);
            xml.writeStartElement("author");
            element(xml, 2, "name", author);
            indent(xml, 1);
            xml.writeEndElement();
            for (IndexEntry entry : entries) {
                indent(xml, 1);
                xml.writeStartElement("entry");
                element(xml, 2, "id", entry.url());
                element(xml, 2, "title", entry.title());
                element(xml, 2, "updated", entry.updated());
                link(xml, 2, "alternate", "application/cap+xml", entry.url());
                indent(xml, 2);
                xml.writeEmptyElement("category");
                xml.writeAttribute("scheme", CAP_NAMESPACE + ":msgType");
                xml.writeAttribute("term", entry.msgType());
                element(xml, 2, "summary", entry.summary());
                indent(xml, 1);
                xml.writeEndElement();
            }
            indent(xml, 0);
            xml.writeEndElement();
        });
    }

    /**
     * The text without what XML 1.0 forbids (most control characters, U+FFFE/U+FFFF, halves of surrogate pairs).
     * Stored text is cleaned already ({@link se.outband.common.Text#clean}); this keeps a document valid whatever it is given.
     */
    static String xmlSafe(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().filter(CapXml::allowed).forEach(safe::appendCodePoint);
        return safe.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            indent(xml, 0);
            body.write(xml);
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Could not write a CAP file", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, int depth, String name, String text) throws XMLStreamException {
        if (text == null) {
            return;
        }
        indent(xml, depth);
        xml.writeStartElement(name);
        xml.writeCharacters(xmlSafe(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, int depth, String rel, String type, String href) throws XMLStreamException {
        indent(xml, depth);
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", xmlSafe(href));
    }

    private static void indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
