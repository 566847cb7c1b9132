//! SMAA weight sampling per node of the value tree: within each parent, the
//! children's shares are drawn uniformly on the simplex (Dirichlet(1, ..., 1)),
//! within the profile's bounds on those children (bounds may name criteria
//! or groups: a node's share within its parent), by the exact capped-simplex
//! sampler of [`super::weights`]; a criterion's weight is the product of the
//! shares from the root down.
//!
//! A flat scenario has one parent, the root, whose children are the matrix
//! columns in order: it draws exactly what the flat sampler draws (same
//! seed, same weights, bit for bit).

use super::weights::{BoundsError, WeightSampler, WeightStream};
use crate::analysis::matrix::DecisionMatrix;
use crate::model::{Node, Scenario, ValueTree, WeightBounds, WeightProfile};
use rand::Rng;

/// One parent: its slot, its children's slots and the sampler of their shares.
#[derive(Debug, Clone)]
struct Parent {
    slot: usize,
    children: Vec<usize>,
    sampler: WeightSampler,
}

/// Draws criterion weights (matrix column order) node by node.
#[derive(Debug, Clone)]
pub struct TreeSampler {
    /// Parents top-down: a parent's own weight is drawn before its children's.
    parents: Vec<Parent>,
    /// Node slots in all (slot 0 is the root).
    slots: usize,
    /// The slot of each matrix column's criterion.
    columns: Vec<usize>,
    /// True when one parent holds every column in column order (a flat
    /// scenario): its draw is the weight vector itself.
    direct: bool,
}

impl TreeSampler {
    /// The flat sampler over `m` columns with per-column `bounds` (None:
    /// the whole simplex), as [`WeightSampler::new`].
    pub fn flat(m: usize, bounds: Option<&[WeightBounds]>) -> Result<Self, BoundsError> {
        Ok(TreeSampler {
            parents: vec![Parent {
                slot: 0,
                children: (1..=m).collect(),
                sampler: WeightSampler::new(m, bounds)?,
            }],
            slots: m + 1,
            columns: (1..=m).collect(),
            direct: true,
        })
    }

    /// The sampler of `profile`'s weights on `matrix`'s columns through the
    /// scenario's value tree. Nodes without any column below them are left
    /// out. A flat scenario gives [`TreeSampler::flat`] with the profile's
    /// bounds in column order (as [`super::profile_bounds`]).
    pub fn for_profile(
        scenario: &Scenario,
        profile: &WeightProfile,
        matrix: &DecisionMatrix,
    ) -> Result<Self, BoundsError> {
        let tree = ValueTree::new(scenario);
        if tree.is_flat() {
            let bounds = super::profile_bounds(matrix, profile);
            return Self::flat(matrix.m(), bounds.as_deref());
        }
        let column_of: Vec<Option<usize>> = scenario
            .criteria
            .iter()
            .map(|c| matrix.criteria.iter().position(|id| *id == c.id))
            .collect();
        let present = |n: Node| {
            tree.criteria_under(n)
                .iter()
                .any(|&j| column_of[j].is_some())
        };
        let mut sampler = TreeSampler {
            parents: Vec::new(),
            slots: 1,
            columns: vec![0; matrix.m()],
            direct: false,
        };
        // Breadth first from the root, so parents come before their children.
        let mut queue = std::collections::VecDeque::from([(Node::Root, 0)]);
        while let Some((node, slot)) = queue.pop_front() {
            let children: Vec<Node> = tree
                .children(node)
                .iter()
                .copied()
                .filter(|&c| present(c))
                .collect();
            if children.is_empty() {
                continue;
            }
            let shares = children_sampler(scenario, &tree, profile, &children)?;
            let mut slots = Vec::with_capacity(children.len());
            for &child in &children {
                let child_slot = sampler.slots;
                sampler.slots += 1;
                slots.push(child_slot);
                match child {
                    Node::Criterion(j) => {
                        if let Some(k) = column_of[j] {
                            sampler.columns[k] = child_slot;
                        }
                    }
                    _ => queue.push_back((child, child_slot)),
                }
            }
            sampler.parents.push(Parent {
                slot,
                children: slots,
                sampler: shares,
            });
        }
        sampler.direct =
            sampler.parents.len() == 1 && sampler.parents[0].children == sampler.columns;
        Ok(sampler)
    }

    /// True when every parent's draws are exactly uniform and independent.
    pub fn is_exact(&self) -> bool {
        self.parents.iter().all(|p| p.sampler.is_exact())
    }

    /// A stream of samples; keep one per chunk (Gibbs chains live in it).
    pub fn stream(&self) -> TreeStream<'_> {
        TreeStream {
            sampler: self,
            streams: self.parents.iter().map(|p| p.sampler.stream()).collect(),
            weights: vec![0.0; self.slots],
            shares: Vec::new(),
        }
    }
}

/// The sampler of the shares of `children` within their parent, within the
/// profile's bounds on them (a bound's error names the node).
fn children_sampler(
    scenario: &Scenario,
    tree: &ValueTree,
    profile: &WeightProfile,
    children: &[Node],
) -> Result<WeightSampler, BoundsError> {
    let bounds: Option<Vec<WeightBounds>> = (!profile.bounds.is_empty()).then(|| {
        children
            .iter()
            .map(|&c| {
                profile
                    .bounds
                    .get(tree.id(scenario, c))
                    .copied()
                    .unwrap_or(WeightBounds { min: 0.0, max: 1.0 })
            })
            .collect()
    });
    WeightSampler::new(children.len(), bounds.as_deref()).map_err(|e| match e {
        BoundsError::Invalid(k) => {
            BoundsError::InvalidNode(tree.id(scenario, children[k]).to_string())
        }
        other => other,
    })
}

/// Successive weight samples from one [`TreeSampler`].
#[derive(Debug)]
pub struct TreeStream<'a> {
    sampler: &'a TreeSampler,
    streams: Vec<WeightStream<'a>>,
    /// Effective weight per slot.
    weights: Vec<f64>,
    /// Scratch for one parent's shares.
    shares: Vec<f64>,
}

impl TreeStream<'_> {
    /// Writes the next criterion weights (matrix column order, summing to 1) into `out`.
    pub fn next_into<R: Rng + ?Sized>(&mut self, rng: &mut R, out: &mut [f64]) {
        let sampler = self.sampler;
        if sampler.direct
            && let Some(stream) = self.streams.first_mut()
        {
            // One parent over every column (a flat scenario): draw in place.
            stream.next_into(rng, out);
            return;
        }
        self.weights[0] = 1.0;
        for (parent, stream) in sampler.parents.iter().zip(&mut self.streams) {
            self.shares.resize(parent.children.len(), 0.0);
            stream.next_into(rng, &mut self.shares);
            let above = self.weights[parent.slot];
            for (&child, &share) in parent.children.iter().zip(&self.shares) {
                self.weights[child] = above * share;
            }
        }
        for (o, &slot) in out.iter_mut().zip(&sampler.columns) {
            *o = self.weights[slot];
        }
    }
}
