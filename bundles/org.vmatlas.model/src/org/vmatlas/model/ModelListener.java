package org.vmatlas.model;

/** Told about coalesced changes, on the model's single notifier thread; must not block. */
@FunctionalInterface
public interface ModelListener {

    void modelChanged(ModelChange change);
}
