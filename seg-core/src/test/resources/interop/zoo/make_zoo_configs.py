#!/usr/bin/python3
"""Writes small configs shaped like the MONAI model zoo's 3-D segmentation bundles (written for voxseg, not copied:
each bundle's transforms, keys, inferer and output channels as the zoo's inference config has them, with everything
voxseg does not read left out), one folder per bundle with configs/metadata.json and configs/inference.json (or
inference.yaml where the bundle ships YAML). ModelZooTableTest reads each as `voxseg import monai-bundle` would and
checks docs/interoperability.md's table of zoo bundles against the result. Run from this folder: /usr/bin/python3 make_zoo_configs.py
"""
import json
import os
import shutil

import yaml

LOAD = [{"_target_": "LoadImaged", "keys": "image"}, {"_target_": "EnsureChannelFirstd", "keys": "image"}]
RAS = {"_target_": "Orientationd", "keys": "image", "axcodes": "RAS"}


def spacing(pixdim):
    return {"_target_": "Spacingd", "keys": "image", "pixdim": pixdim, "mode": "bilinear"}


def ct_window(low, high):
    return {"_target_": "ScaleIntensityRanged", "keys": "image", "a_min": low, "a_max": high, "b_min": 0.0,
            "b_max": 1.0, "clip": True}


def window(roi, overlap, **keys):
    return dict({"_target_": "SlidingWindowInferer", "roi_size": roi, "sw_batch_size": 4, "overlap": overlap}, **keys)


INVERT = {"_target_": "Invertd", "keys": "pred", "transform": "@preprocessing", "orig_keys": "image",
          "meta_key_postfix": "meta_dict", "nearest_interp": False, "to_tensor": True}
SOFTMAX = [{"_target_": "Activationsd", "keys": "pred", "softmax": True}, INVERT,
           {"_target_": "AsDiscreted", "keys": "pred", "argmax": True},
           {"_target_": "SaveImaged", "keys": "pred", "output_dir": "@output_dir"}]

BUNDLES = {
    "spleen_ct_segmentation": (["image"], 2, LOAD + [RAS, spacing([1.5, 1.5, 2.0]), ct_window(-57, 164)],
                               window([96, 96, 96], 0.5), SOFTMAX, {}),
    "brats_mri_segmentation": (
        ["T1c", "T1", "T2", "FLAIR"], ["Tumor core", "Whole tumor", "Enhancing tumor"],
        [{"_target_": "LoadImaged", "keys": "image"},
         {"_target_": "NormalizeIntensityd", "keys": "image", "nonzero": True, "channel_wise": True}],
        {"_target_": "SlidingWindowInferer", "roi_size": [240, 240, 160], "sw_batch_size": 1, "overlap": 0.5},
        [{"_target_": "Activationsd", "keys": "pred", "sigmoid": True}, dict(INVERT, meta_keys="pred_meta_dict"),
         {"_target_": "AsDiscreted", "keys": "pred", "threshold": 0.5},
         {"_target_": "Lambdad", "keys": "pred", "func": "$lambda x: torch.where(x[[2]] > 0, 4, torch.where(x[[0]] "
                                                         "> 0, 1, torch.where(x[[1]] > 0, 2, 0)))"},
         {"_target_": "SaveImaged", "keys": "pred", "output_dir": "@output_dir", "resample": False}], {}),
    "swin_unetr_btcv_segmentation": (["image"], 14, [{"_target_": "LoadImaged", "keys": "image",
                                                      "reader": "ITKReader"}] + LOAD[1:]
                                     + [RAS, spacing([1.5, 1.5, 2.0]), ct_window(-175, 250)],
                                     window([96, 96, 96], 0.5), SOFTMAX, {}),
    "wholeBrainSeg_Large_UNEST_segmentation": (
        ["image"], 133, LOAD + [{"_target_": "NormalizeIntensityd", "keys": "image", "nonzero": "True",
                                 "channel_wise": "True"}], window([96, 96, 96], 0.7), SOFTMAX, {}),
    "renalStructures_UNEST_segmentation": (
        ["image"], 4, [{"_target_": "LoadImaged", "keys": "image"}, {"_target_": "AddChanneld", "keys": "image"},
                       RAS, spacing([1.0, 1.0, 1.0]), ct_window(-175, 250)], window([96, 96, 96], 0.5), SOFTMAX, {}),
    "pancreas_ct_dints_segmentation": (["image"], 3, LOAD + [RAS, spacing([1, 1, 1]), ct_window(-87, 199)],
                                       window([96, 96, 96], 0.625), SOFTMAX, {"yaml": True}),
    "prostate_mri_anatomy": (
        ["image"], 3, LOAD + [RAS, spacing([0.5, 0.5, 0.5]),
                              {"_target_": "ScaleIntensityd", "keys": "image", "minv": 0, "maxv": 1},
                              {"_target_": "NormalizeIntensityd", "keys": "image"}], window([96, 96, 96], 0.5),
        [{"_target_": "AsDiscreted", "keys": "pred", "argmax": True},
         {"_target_": "KeepLargestConnectedComponentd", "keys": "pred", "applied_labels": [1, 2]}, INVERT,
         {"_target_": "SaveImaged", "keys": "pred", "output_dir": "@output_dir"}], {}),
    "wholeBody_ct_segmentation": (
        ["image"], 105, [{"_target_": "LoadImaged", "keys": "@image_key"},
                         {"_target_": "EnsureChannelFirstd", "keys": "@image_key"},
                         dict(RAS, keys="@image_key"), dict(spacing("@pixdim"), keys="@image_key"),
                         {"_target_": "NormalizeIntensityd", "keys": "@image_key", "nonzero": True},
                         {"_target_": "ScaleIntensityd", "keys": "@image_key", "minv": -1.0, "maxv": 1.0}],
        window([96, 96, 96], "@displayable_configs#sw_overlap", padding_mode="replicate", mode="gaussian"),
        [{"_target_": "Activationsd", "keys": "pred", "softmax": True},
         {"_target_": "AsDiscreted", "keys": "pred", "argmax": True}, dict(INVERT, nearest_interp=True)],
        {"top": {"image_key": "image", "displayable_configs": {"highres": True, "sw_overlap": 0.25},
                 "pixdim": "$[1.5, 1.5, 1.5] if @displayable_configs#highres else [3.0, 3.0, 3.0]"}}),
    "spleen_deepedit_annotation": (
        ["image", "spleen", "background"], 2,
        LOAD + [RAS, spacing([1.0, 1.0, 1.0]), ct_window(-175, 250),
                {"_target_": "monai.apps.deepedit.transforms.AddGuidanceFromPointsDeepEditd", "ref_image": "image",
                 "guidance": "guidance", "label_names": "$@label_names"}],
        {"_target_": "SimpleInferer"}, SOFTMAX, {}),
    "vista3d": (["image"], 133, LOAD + [RAS, spacing([1.5, 1.5, 1.5])],
                {"_target_": "scripts.inferer.Vista3dInferer", "roi_size": [128, 128, 128], "overlap": 0.3},
                SOFTMAX, {}),
    "pathology_tumor_detection": (
        ["image"], 1, [{"_target_": "CastToTyped", "keys": "image", "dtype": "float32"},
                       {"_target_": "ScaleIntensityRanged", "keys": "image", "a_min": 0.0, "a_max": 255.0,
                        "b_min": -1.0, "b_max": 1.0}], {"_target_": "SimpleInferer"},
        [{"_target_": "Activationsd", "keys": "pred", "sigmoid": True}], {}),
}


def main():
    for name, (inputs, outputs, preprocessing, inferer, postprocessing, extra) in BUNDLES.items():
        shutil.rmtree(name, ignore_errors=True)
        os.makedirs(name + "/configs")
        names = outputs if isinstance(outputs, list) else ["background"] + [f"class{c}" for c in range(1, outputs)]
        metadata = {"version": "0.0.1", "name": name, "network_data_format": {
            "inputs": {"image": {"type": "image", "num_channels": len(inputs),
                                 "channel_def": {str(c): n for c, n in enumerate(inputs)}}},
            "outputs": {"pred": {"type": "image", "num_channels": len(names),
                                 "channel_def": {str(c): n for c, n in enumerate(names)}}}}}
        inference = dict({"bundle_root": ".", "output_dir": "$@bundle_root + '/eval'"}, **extra.get("top", {}))
        inference.update({"preprocessing": {"_target_": "Compose", "transforms": preprocessing}, "inferer": inferer,
                          "postprocessing": {"_target_": "Compose", "transforms": postprocessing}})
        with open(name + "/configs/metadata.json", "w") as f:
            json.dump(metadata, f, indent=1)
        if extra.get("yaml"):
            with open(name + "/configs/inference.yaml", "w") as f:
                f.write("# " + name + "-shaped, written as YAML as the bundle ships it\n")
                yaml.safe_dump(inference, f, sort_keys=False)
        else:
            with open(name + "/configs/inference.json", "w") as f:
                json.dump(inference, f, indent=1)


if __name__ == "__main__":
    main()
