package org.vmatlas.ui.internal.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.vmatlas.model.RegionModelService;
import org.vmatlas.model.Session;
import org.vmatlas.sources.strace.TracedProcess;
import org.vmatlas.ui.internal.WorkbenchMoment;

/**
 * The processes of every replayed log and live trace as a tree, parent above children, each row its pid, program
 * and the events of its address space. Selecting a process (mouse or arrow keys) shows its session; Enter or a
 * double click also says it was chosen.
 */
public final class ProcessTree {

    private final Tree tree;
    private final RegionModelService models;
    private final WorkbenchMoment moment;
    private final Runnable chosen;
    private List<String> shape = List.of();

    /** @param chosen run after Enter or a double click on a process */
    public ProcessTree(Composite parent, RegionModelService models, WorkbenchMoment moment, Runnable chosen) {
        this.models = models;
        this.moment = moment;
        this.chosen = chosen;
        tree = new Tree(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        tree.setHeaderVisible(true);
        column(Messages.columnProcess, 580, SWT.LEFT);
        column(Messages.columnEvents, 80, SWT.RIGHT);
        tree.addListener(SWT.Selection, event -> show(event.item));
        tree.addListener(SWT.DefaultSelection, event -> {
            if (show(event.item)) {
                chosen.run();
            }
        });
        refresh();
    }

    private void column(String title, int width, int align) {
        TreeColumn column = new TreeColumn(tree, align);
        column.setText(title);
        column.setWidth(width);
    }

    public Tree control() {
        return tree;
    }

    /** Reads the families again: rebuilt when processes came or went, else only the counts change. */
    public void refresh() {
        if (tree.isDisposed()) {
            return;
        }
        List<ProcessFamilies.Family> families = ProcessFamilies.open(models);
        List<List<TracedProcess>> processes = families.stream().map(f -> f.processes().get()).toList();
        List<String> now = new ArrayList<>();
        for (int i = 0; i < families.size(); i++) {
            now.add(families.get(i).title());
            processes.get(i).forEach(p -> now.add(p.pid() + " " + p.command() + " " + System.identityHashCode(p.session())));
        }
        if (!now.equals(shape)) {
            shape = now;
            tree.removeAll();
            for (int i = 0; i < families.size(); i++) {
                addFamily(families.get(i).title(), processes.get(i));
            }
        } else {
            for (TreeItem family : tree.getItems()) {
                updateCounts(family);
            }
        }
        markCurrent();
    }

    private void addFamily(String title, List<TracedProcess> processes) {
        TreeItem root = new TreeItem(tree, SWT.NONE);
        root.setText(0, NLS.bind(Messages.family, title, processes.size()));
        Map<Integer, List<TracedProcess>> children = new HashMap<>();
        List<Integer> pids = processes.stream().map(TracedProcess::pid).toList();
        for (TracedProcess p : processes) {
            int parent = pids.contains(p.parent()) && p.parent() != p.pid() ? p.parent() : 0;
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(p);
        }
        addChildren(root, 0, children);
        expand(root);
    }

    private void addChildren(TreeItem parent, int pid, Map<Integer, List<TracedProcess>> children) {
        for (TracedProcess p : children.getOrDefault(pid, List.of())) {
            TreeItem item = new TreeItem(parent, SWT.NONE);
            item.setData(p);
            item.setText(0, label(p));
            item.setText(1, Integer.toString(p.session().timeline().size()));
            addChildren(item, p.pid(), children);
        }
    }

    private static void expand(TreeItem item) {
        item.setExpanded(true);
        for (TreeItem child : item.getItems()) {
            expand(child);
        }
    }

    private static void updateCounts(TreeItem item) {
        if (item.getData() instanceof TracedProcess p) {
            item.setText(1, Integer.toString(p.session().timeline().size()));
        }
        for (TreeItem child : item.getItems()) {
            updateCounts(child);
        }
    }

    /** {@code 4242  ls /}, {@code 4243  (program not in the log), exited}. */
    static String label(TracedProcess p) {
        String program = p.command().equals("pid " + p.pid()) ? Messages.unknownProgram : p.command();
        String text = p.pid() + "  " + program.replaceAll("\\s+", " ");
        return p.exited() ? NLS.bind(Messages.exited, text) : text;
    }

    /** Selects the row of the session shown now, so the keyboard starts there. */
    private void markCurrent() {
        Session current = models.current();
        TreeItem found = find(tree.getItems(), current);
        if (found != null) {
            tree.setSelection(found);
        } else if (tree.getItemCount() > 0 && tree.getSelectionCount() == 0) {
            tree.setSelection(tree.getItem(0));
        }
    }

    private static TreeItem find(TreeItem[] items, Session session) {
        for (TreeItem item : items) {
            if (item.getData() instanceof TracedProcess p && p.session() == session) {
                return item;
            }
            TreeItem deeper = find(item.getItems(), session);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }

    /** Shows the session of the process in {@code item}; {@code false} for a family's row or a closed session. */
    boolean show(Object item) {
        if (!(item instanceof TreeItem row) || !(row.getData() instanceof TracedProcess p)
                || !models.sessions().contains(p.session())) {
            return false;
        }
        if (p.session() != models.current()) {
            moment.live();
            models.setCurrent(p.session());
        }
        return true;
    }
}
