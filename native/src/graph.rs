//! The dependency graph, read when paths of findings are asked for.

use std::collections::{HashMap, VecDeque};

use crate::json::{Cursor, Res};

pub struct Graph {
    ids: HashMap<Vec<u8>, u32>,
    names: Vec<Vec<u8>>,
    /// ref -> the refs it depends on (the last entry of a ref with any wins)
    edges: HashMap<u32, Vec<u32>>,
}

impl Graph {
    /// Read the `dependencies` array at `range` (already checked by the scan).
    pub fn read(data: &[u8], range: (usize, usize)) -> Res<Graph> {
        let mut graph = Graph {
            ids: HashMap::new(),
            names: Vec::new(),
            edges: HashMap::new(),
        };
        let mut cur = Cursor::new(&data[..range.1], range.0);
        cur.expect(b'[')?;
        if cur.empty(b']')? {
            return Ok(graph);
        }
        loop {
            let mut reference: Option<Vec<u8>> = None;
            let mut depends: Vec<u32> = Vec::new();
            cur.expect(b'{')?;
            if !cur.empty(b'}')? {
                loop {
                    match cur.key()? {
                        b"ref" => {
                            let at = cur.pos;
                            reference = Some(cur.string()?.value(at)?.into_owned());
                        }
                        b"dependsOn" => {
                            if !cur.null()? {
                                cur.expect(b'[')?;
                                if !cur.empty(b']')? {
                                    loop {
                                        let at = cur.pos;
                                        let value = cur.string()?.value(at)?.into_owned();
                                        depends.push(graph.id(value));
                                        if !cur.more(b']')? {
                                            break;
                                        }
                                    }
                                }
                            }
                        }
                        _ => cur.skip(3)?,
                    }
                    if !cur.more(b'}')? {
                        break;
                    }
                }
            }
            if let Some(reference) = reference {
                if !reference.is_empty() && !depends.is_empty() {
                    let id = graph.id(reference);
                    graph.edges.insert(id, depends);
                }
            }
            if !cur.more(b']')? {
                break;
            }
        }
        Ok(graph)
    }

    fn id(&mut self, name: Vec<u8>) -> u32 {
        if let Some(&id) = self.ids.get(&name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.clone());
        self.ids.insert(name, id);
        id
    }

    /// The chain of each target from a root; a chain longer than `limit`
    /// (3 or more) is its root, None, and its last `limit - 2` refs. The root
    /// of every node is found once (memoised), so the work is linear in the
    /// graph plus `limit` per target, whatever the depth of the graph.
    pub fn chains(
        &self,
        roots: &[String],
        targets: &[String],
        limit: usize,
    ) -> Vec<Option<Vec<Option<String>>>> {
        if self.edges.is_empty() || roots.is_empty() {
            return vec![None; targets.len()];
        }
        const UNSEEN: u32 = u32::MAX;
        const ROOT: u32 = u32::MAX - 1;
        // parents of nodes reached; roots not in the graph are reached too
        let mut parent = vec![UNSEEN; self.names.len()];
        let mut outside: Vec<&str> = Vec::new();
        let mut queue = VecDeque::new();
        for root in roots {
            match self.ids.get(root.as_bytes()) {
                Some(&id) => {
                    if parent[id as usize] == UNSEEN {
                        parent[id as usize] = ROOT;
                        queue.push_back(id);
                    }
                }
                None => outside.push(root),
            }
        }
        while let Some(node) = queue.pop_front() {
            if let Some(children) = self.edges.get(&node) {
                for &child in children {
                    if parent[child as usize] == UNSEEN {
                        parent[child as usize] = node;
                        queue.push_back(child);
                    }
                }
            }
        }
        let mut root_of = vec![UNSEEN; self.names.len()];
        let name = |node: u32| String::from_utf8_lossy(&self.names[node as usize]).into_owned();
        targets
            .iter()
            .map(|target| {
                if outside.contains(&target.as_str()) {
                    return Some(vec![Some(target.clone())]);
                }
                let &id = self.ids.get(target.as_bytes())?;
                if parent[id as usize] == UNSEEN {
                    return None;
                }
                let mut chain = vec![];
                let mut node = id;
                loop {
                    chain.push(node);
                    match parent[node as usize] {
                        ROOT => break,
                        next if chain.len() == limit => {
                            // longer than the limit: the nearest refs, a gap, the root
                            chain.truncate(limit - 2);
                            let root = find_root(&parent, &mut root_of, next, ROOT);
                            let mut bounded: Vec<Option<String>> = vec![Some(name(root)), None];
                            bounded.extend(chain.iter().rev().map(|&node| Some(name(node))));
                            return Some(bounded);
                        }
                        next => node = next,
                    }
                }
                Some(chain.iter().rev().map(|&node| Some(name(node))).collect())
            })
            .collect()
    }
}

/// The root a node is reached from, following `parent`; every node passed
/// on the way learns it too.
fn find_root(parent: &[u32], root_of: &mut [u32], start: u32, root_mark: u32) -> u32 {
    let mut walked = vec![];
    let mut node = start;
    let root = loop {
        if root_of[node as usize] != u32::MAX {
            break root_of[node as usize];
        }
        walked.push(node);
        match parent[node as usize] {
            mark if mark == root_mark => break node,
            next => node = next,
        }
    };
    for node in walked {
        root_of[node as usize] = root;
    }
    root
}
