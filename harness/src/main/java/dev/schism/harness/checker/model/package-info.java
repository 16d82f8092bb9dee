/**
 * Sequential specifications for the linearizability checker: a model says which states an object can be
 * in, how each operation moves it, and how a Jepsen op (invoke plus completion) reads as an input and an
 * output. Models are pure; the search calls them millions of times, so they only compare and construct.
 */
package dev.schism.harness.checker.model;
