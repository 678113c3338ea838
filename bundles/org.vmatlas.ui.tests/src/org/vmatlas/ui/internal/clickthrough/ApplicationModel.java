package org.vmatlas.ui.internal.clickthrough;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.swt.graphics.Rectangle;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The application model as the click-through reads it: the parts with the client area each gets in the default
 * layout of a window of a given size (from the sashes' weights), the tool controls, and the handler classes.
 * Read from the application bundle when it runs beside the tests, else from its source folder.
 */
final class ApplicationModel {

    /** Menu bar and tool bar above the parts, status line below, as GTK draws them. */
    static final int CHROME_TOP = 60;
    static final int CHROME_BOTTOM = 24;
    /** A part stack's tab row and borders. */
    static final int STACK_TABS = 34;
    static final int STACK_BORDER = 4;
    private static final String BUNDLE_CLASS = "bundleclass://org.vmatlas.ui/";

    private final Document model;

    private ApplicationModel(Document model) {
        this.model = model;
    }

    static ApplicationModel read() throws Exception {
        Bundle app = null;
        for (Bundle bundle : FrameworkUtil.getBundle(ApplicationModel.class).getBundleContext().getBundles()) {
            if ("org.vmatlas.app".equals(bundle.getSymbolicName())) {
                app = bundle;
            }
        }
        try (InputStream in = app != null ? app.getEntry("Application.e4xmi").openStream()
                : Files.newInputStream(Path.of("../org.vmatlas.app/Application.e4xmi"))) {
            return new ApplicationModel(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in));
        }
    }

    /** Every part's class name with its client area in a window whose inside is {@code width × height}. */
    Map<String, Rectangle> parts(int width, int height) {
        Map<String, Rectangle> parts = new LinkedHashMap<>();
        Element window = first("children");
        Rectangle area = new Rectangle(0, CHROME_TOP, width, height - CHROME_TOP - CHROME_BOTTOM);
        for (Element child : children(window, "children")) {
            place(child, area, parts);
        }
        return parts;
    }

    private void place(Element element, Rectangle area, Map<String, Rectangle> parts) {
        String type = element.getAttribute("xsi:type");
        if (type.endsWith("PartSashContainer")) {
            boolean horizontal = "true".equals(element.getAttribute("horizontal"));
            List<Element> kids = children(element, "children");
            int total = kids.stream().mapToInt(ApplicationModel::weight).sum();
            int offset = 0;
            for (Element kid : kids) {
                int extent = (horizontal ? area.width : area.height) * weight(kid) / total;
                Rectangle part = horizontal ? new Rectangle(area.x + offset, area.y, extent, area.height)
                        : new Rectangle(area.x, area.y + offset, area.width, extent);
                place(kid, part, parts);
                offset += extent;
            }
        } else if (type.endsWith("PartStack")) {
            for (Element part : children(element, "children")) {
                parts.put(className(part), new Rectangle(area.x + STACK_BORDER, area.y + STACK_TABS,
                        area.width - 2 * STACK_BORDER, area.height - STACK_TABS - STACK_BORDER));
            }
        }
    }

    /** The tool controls' classes (session chooser, status line). */
    List<String> toolControls() {
        List<String> names = new ArrayList<>();
        for (Element element : all("children")) {
            if (element.getAttribute("xsi:type").endsWith("ToolControl")) {
                names.add(className(element));
            }
        }
        return names;
    }

    /** The handler classes, in the model's order. */
    List<String> handlers() {
        List<String> names = new ArrayList<>();
        for (Element handler : all("handlers")) {
            names.add(className(handler));
        }
        return names;
    }

    private static String className(Element element) {
        String uri = element.getAttribute("contributionURI");
        if (!uri.startsWith(BUNDLE_CLASS)) {
            throw new AssertionError("not a class of org.vmatlas.ui: " + uri);
        }
        return uri.substring(BUNDLE_CLASS.length());
    }

    private static int weight(Element element) {
        String data = element.getAttribute("containerData");
        return data.isEmpty() ? 100 : Integer.parseInt(data);
    }

    private Element first(String tag) {
        return (Element) model.getDocumentElement().getElementsByTagName(tag).item(0);
    }

    private List<Element> all(String tag) {
        List<Element> elements = new ArrayList<>();
        var nodes = model.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                elements.add(element);
            }
        }
        return elements;
    }
}
