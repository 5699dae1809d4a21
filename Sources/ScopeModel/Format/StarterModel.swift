/// The commented model `cuiscope init` writes: small, valid, and a tour of the language.
public enum StarterModel {
    public static let text = """
    # A cuiscope model: who holds CUI, where it flows, and what protects it.
    # Edit it to describe your organization, then run `cuiscope check model.scope`.
    # The language is described in docs/language.md, what cuiscope computes in docs/scoping.md;
    # `cuiscope fmt` keeps the layout canonical.

    organization "Example Manufacturing" {
      level 2           # CMMC level the contract requires: 1, 2 or 3
      assessment c3pao  # self | c3pao | dibcac
    }

    # The information you receive or create. EXPT marks export-controlled technical data.
    data drawings "Customer drawings" {
      class cui
      category CTI, EXPT
    }

    # Organizations outside yours: the customer, clouds, service providers, subcontractors.
    provider customer "Prime contractor" {
      type prime
      country US
    }

    provider gcc-high "Microsoft 365 GCC High" {
      type csp
      fedramp high
      country US
      us-persons yes
      crm yes
    }

    # Network segments. A zone joins its parent unless it declares separation.
    zone office "Office network"

    zone enclave "CUI enclave" {
      separation logical

      asset file-srv "Engineering file server" {
        type server
        stores drawings
        encryption fips
      }

      asset eng-ws "Engineering workstations" {
        type workstation
        count 4
      }
    }

    asset fw "Boundary firewall" {
      type firewall
      security firewall, vpn
    }

    asset office-pc "Office PCs" {
      type workstation
      zone office
      count 10
    }

    asset engineers "Engineering team" {
      type team
      country US
      us-persons yes
    }

    # Relations: data flows, network links, access and protection.
    flow customer -> gcc-high carries drawings { encryption fips; remote yes }
    flow gcc-high -> file-srv carries drawings { encryption fips; remote yes }
    flow file-srv <-> eng-ws carries drawings { encryption fips }
    link office -- enclave via fw { separation logical }
    access engineers -> eng-ws { mfa yes }
    protects fw -> enclave

    """
}
