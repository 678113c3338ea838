package org.vmatlas.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The application model as the workbench will read it: every contribution names a class its bundle can
 * load, every command has a handler and every menu item, tool item and key binding a command, and the
 * add-ons that make handlers and key bindings work are there (without the handler add-on every menu
 * item stays greyed out).
 */
class ApplicationModelTest {

    private static Document model;

    @BeforeAll
    static void read() throws Exception {
        Bundle app = FrameworkUtil.getBundle(ApplicationModelTest.class);
        try (InputStream in = app.getEntry("Application.e4xmi").openStream()) {
            model = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    @Test
    void everyContributionClassLoads() throws Exception {
        Bundle app = FrameworkUtil.getBundle(ApplicationModelTest.class);
        int checked = 0;
        for (Element element : all("*")) {
            String uri = element.getAttribute("contributionURI");
            if (uri.startsWith("bundleclass://")) {
                String[] parts = uri.substring("bundleclass://".length()).split("/", 2);
                Bundle owner = find(app, parts[0]);
                assertNotNull(owner, "bundle " + parts[0] + " of " + uri);
                assertNotNull(owner.loadClass(parts[1]), uri);
                checked++;
            }
        }
        assertTrue(checked > 20, "contributions checked: " + checked);
    }

    @Test
    void everyCommandHasAHandlerAndEveryUseACommand() {
        Set<String> commands = new HashSet<>();
        for (Element command : all("commands")) {
            commands.add(command.getAttribute("xmi:id"));
        }
        Set<String> handled = new HashSet<>();
        for (Element handler : all("handlers")) {
            handled.add(handler.getAttribute("command"));
        }
        assertEquals(commands, handled, "one handler per command");
        for (Element element : all("*")) {
            String command = element.getAttribute("command");
            if (!command.isEmpty()) {
                assertTrue(commands.contains(command), element.getAttribute("xmi:id") + " uses unknown command " + command);
            }
        }
    }

    @Test
    void theAddOnsThatActivateHandlersAndKeysArePresent() {
        Set<String> addons = new HashSet<>();
        for (Element addon : all("addons")) {
            addons.add(addon.getAttribute("contributionURI").replaceAll(".*/", ""));
        }
        for (String needed : List.of("org.eclipse.e4.ui.internal.workbench.addons.HandlerProcessingAddon",
                "org.eclipse.e4.ui.internal.workbench.addons.CommandProcessingAddon",
                "org.eclipse.e4.ui.workbench.swt.util.BindingProcessingAddon",
                "org.eclipse.e4.ui.bindings.BindingServiceAddon")) {
            assertTrue(addons.contains(needed), "add-on " + needed + " in " + addons);
        }
    }

    private static Bundle find(Bundle any, String symbolicName) {
        for (Bundle bundle : any.getBundleContext().getBundles()) {
            if (bundle.getSymbolicName().equals(symbolicName)) {
                return bundle;
            }
        }
        return null;
    }

    private static List<Element> all(String tag) {
        NodeList nodes = model.getElementsByTagName(tag);
        List<Element> elements = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
